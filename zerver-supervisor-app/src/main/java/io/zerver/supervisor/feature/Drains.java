package io.zerver.supervisor.feature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The versions that were replaced or removed and still finish their requests. Each tells when
 * it is done ({@link FeatureVersion#drained()}: its last request exited); one that is not done
 * within the drain timeout gives up on what it still runs, whose clients are answered 503. Then
 * the version is handed on to retire, on the registry's thread.
 */
final class Drains {

    private static final Log log = LogFactory.getLog(Drains.class);

    private final Duration timeout;
    private final Scheduler scheduler;
    private final Consumer<FeatureVersion> retire;
    private final List<FeatureVersion> draining = new CopyOnWriteArrayList<>();

    /**
     * @param scheduler the registry's thread: times the drain timeout and retires
     * @param retire what to do with a version once it is drained
     */
    Drains(Duration timeout, Scheduler scheduler, Consumer<FeatureVersion> retire) {
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.retire = retire;
    }

    /** Stops {@code version} taking requests and retires it once it drained, or when the timeout passed. */
    void drain(FeatureVersion version) {
        draining.add(version);
        version.draining(Instant.now());
        version.drained()
                .timeout(timeout, Mono.fromRunnable(() -> abandon(version)), scheduler)
                .publishOn(scheduler)
                .subscribe(null, e -> {
                    // The registry is stopping (its thread takes no more work): stop() retires what is left.
                }, () -> {
                    // Listed until retired: a version is always either draining or retired and
                    // being checked, never out of sight in between.
                    retire.accept(version);
                    draining.remove(version);
                });
    }

    private void abandon(FeatureVersion version) {
        int abandoned = version.closeNow();
        log.warn(version + " still ran " + abandoned + " request(s) after the drain timeout (" + timeout
                + "); they were answered 503");
    }

    /** The versions draining now. */
    List<FeatureVersion> draining() {
        return List.copyOf(draining);
    }

    /** Forgets every draining version, for the caller to retire: the registry stops. */
    List<FeatureVersion> clear() {
        List<FeatureVersion> left = List.copyOf(draining);
        draining.removeAll(left);
        return left;
    }
}
