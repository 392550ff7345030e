package io.zerver.core.engine;

import io.zerver.core.error.ZerverError;
import io.zerver.core.timeline.TimelineEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the compensations of a failed request, newest first, one at a time. A failing
 * compensation is logged and recorded, and the next one still runs.
 */
final class Compensator {

    private static final System.Logger LOG = System.getLogger(Compensator.class.getName());

    private final EngineSettings settings;
    private final EffectRunner runner;

    Compensator(EngineSettings settings, EffectRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /** The compensations still pending for {@code exchange}, newest first, or null when there are none. */
    @Nullable Mono<Void> compensate(Exchange exchange) {
        List<Compensations.Pending> pending = exchange.compensations().drainNewestFirst();
        if (pending.isEmpty()) {
            return null;
        }
        // Compensations get their own budget: the request's deadline may be what failed it.
        long deadline = EffectRunner.saturatedAdd(settings.now(),
                EffectRunner.saturatedNanos(settings.compensationTimeout()));
        return Flux.fromIterable(pending)
                .concatMap(c -> {
                    long start = settings.now();
                    return runner.run(exchange, c.undo(), 0, -1, deadline, () -> false)
                            .doOnNext(outcome -> report(exchange, c, outcome, start));
                })
                .then();
    }

    private void report(Exchange exchange, Compensations.Pending c, EffectOutcome outcome, long start) {
        long now = settings.now();
        ZerverError error = outcome.error();
        exchange.timeline().add(new TimelineEvent.CompensationRan(exchange.clock().elapsedAt(now), c.forEffect().kind(),
                c.undo().kind(), c.undo().target(), error == null ? "ok" : error.kind().label(), now - start));
        if (error != null) {
            exchange.log(LOG, System.Logger.Level.ERROR, () -> "compensation " + c.undo().kind() + " ("
                    + c.undo().target() + ") for " + c.forEffect().kind() + " of request " + exchange.requestId()
                    + " failed: " + error + "; the effect it undoes stays applied", null);
        }
    }
}
