package io.zerver.core.engine;

import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Request;
import io.zerver.core.schedule.Priority;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import io.zerver.core.timeline.Timeline;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One request in flight: the request, its slots, its deadline and its timeline.
 *
 * <p>Steps never see this class; they get a {@link StepContext} view of it. It is public
 * for adapters and for tests that seed and inspect slots.
 *
 * <p>Inside the engine it is the sum of its parts, each package-private: the
 * {@linkplain RequestFacts request facts}, the {@linkplain SlotStore slots}, the
 * {@linkplain RequestClock clock and deadline}, the {@linkplain Lifetime lifetime} (finish,
 * abandonment, background work, exit callbacks), the pending {@linkplain Compensations
 * compensations}, the pipeline's {@linkplain Progress progress} and its {@linkplain CpuUsage
 * CPU use}.
 */
public final class Exchange {

    private final EngineSettings settings;
    private final RequestFacts facts;
    private final RequestClock clock;
    private final Timeline timeline;
    private final SlotStore slots;
    private final Lifetime lifetime;
    private final Compensations compensations = new Compensations();
    private final Progress progress = new Progress();
    private final CpuUsage cpu = new CpuUsage();

    Exchange(EngineSettings settings, Request request, String requestId, String route, Map<String, String> params,
            long startNanos, long deadlineNanos, Timeline timeline, Priority priority) {
        this.settings = settings;
        this.facts = new RequestFacts(request, requestId, route, params, priority);
        this.clock = new RequestClock(settings.ticker(), startNanos, deadlineNanos);
        this.timeline = timeline;
        this.slots = new SlotStore(settings.limits().maxSlots());
        this.lifetime = new Lifetime(requestId, timeline);
    }

    public Request request() {
        return facts.request();
    }

    public String requestId() {
        return facts.requestId();
    }

    /** The matched route pattern. */
    public String route() {
        return facts.route();
    }

    public Map<String, String> params() {
        return facts.params();
    }

    public Timeline timeline() {
        return timeline;
    }

    /** The value of {@code slot}, for inspection. */
    public <T> Optional<T> slot(Slot<T> slot) {
        return Optional.ofNullable(slots.read(slot));
    }

    /** Writes {@code slot} before the pipeline runs, as an earlier step would have. */
    public <T> Exchange seed(Slot<T> slot, T value) {
        slots.write(slot, value, "seed");
        return this;
    }

    /** The view a step gets of this exchange; touching undeclared slots throws. */
    public StepContext viewFor(Step step) {
        return new StepView(this, step);
    }

    public Optional<ZerverError> lastError() {
        return Optional.ofNullable(progress.lastError());
    }

    // ---- engine-internal

    EngineSettings settings() {
        return settings;
    }

    RequestFacts facts() {
        return facts;
    }

    RequestClock clock() {
        return clock;
    }

    SlotStore slots() {
        return slots;
    }

    Lifetime lifetime() {
        return lifetime;
    }

    Compensations compensations() {
        return compensations;
    }

    Progress progress() {
        return progress;
    }

    CpuUsage cpu() {
        return cpu;
    }

    /** Logs a line about this request with its correlation in place (see {@link RequestLog}). */
    void log(System.Logger logger, System.Logger.Level level, Supplier<String> message, @Nullable Throwable error) {
        RequestLog.log(timeline, logger, level, message, error);
    }
}
