package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.Effect;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Request;
import io.zerver.core.schedule.Priority;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.SlotStateException;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import io.zerver.core.timeline.Timeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * One request in flight: the request, its slots, its deadline and its timeline.
 *
 * <p>Steps never see this class; they get a {@link StepContext} view of it. It is public
 * for adapters and for tests that seed and inspect slots.
 */
public final class Exchange {

    private static final System.Logger LOG = System.getLogger(Exchange.class.getName());

    private final EngineSettings settings;
    private final Request request;
    private final String requestId;
    private final String route;
    private final Map<String, String> params;
    private final long startNanos;
    private final long deadlineNanos;
    private final Timeline timeline;
    private final Map<Slot<?>, Object> slots = new HashMap<>();
    private final List<Runnable> exitCallbacks = new ArrayList<>(0);
    private final List<PendingCompensation> compensations = new ArrayList<>(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean abandoned;
    private boolean exited;
    private final Disposable.Composite background = Disposables.composite();
    private @Nullable Map<String, List<String>> query;
    private @Nullable Object json;
    private volatile @Nullable ZerverError lastError;
    private int sequence;
    private int needs;
    private final Priority priority;
    private long cpuNanos;
    private volatile boolean overBudget;

    Exchange(EngineSettings settings, Request request, String requestId, String route, Map<String, String> params,
            long startNanos, long deadlineNanos, Timeline timeline, Priority priority) {
        this.priority = priority;
        this.settings = settings;
        this.request = request;
        this.requestId = requestId;
        this.route = route;
        this.params = params;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.timeline = timeline;
    }

    public Request request() {
        return request;
    }

    public String requestId() {
        return requestId;
    }

    /** The matched route pattern. */
    public String route() {
        return route;
    }

    public Map<String, String> params() {
        return params;
    }

    public Timeline timeline() {
        return timeline;
    }

    /**
     * Logs a line about this request through its timeline, so that it carries the request's
     * correlation (trace ids) on whatever thread this runs; nothing is built when
     * {@code logger} would drop the line.
     */
    void log(System.Logger logger, System.Logger.Level level, Supplier<String> message, @Nullable Throwable error) {
        if (!logger.isLoggable(level)) {
            return;
        }
        timeline.log(() -> {
            if (error == null) {
                logger.log(level, message);
            } else {
                logger.log(level, message, error);
            }
        });
    }

    /** The value of {@code slot}, for inspection. */
    public <T> Optional<T> slot(Slot<T> slot) {
        @SuppressWarnings("unchecked")
        T value = (T) slots.get(slot);
        return Optional.ofNullable(value);
    }

    /** Writes {@code slot} before the pipeline runs, as an earlier step would have. */
    public <T> Exchange seed(Slot<T> slot, T value) {
        write(slot, value, "seed");
        return this;
    }

    /** The view a step gets of this exchange; touching undeclared slots throws. */
    public StepContext viewFor(Step step) {
        return new StepView(this, step);
    }

    public Optional<ZerverError> lastError() {
        return Optional.ofNullable(lastError);
    }

    // ---- engine-internal

    EngineSettings settings() {
        return settings;
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    long remainingNanos() {
        return deadlineNanos - settings.ticker().getAsLong();
    }

    Priority priority() {
        return priority;
    }

    /** Adds CPU time used by the request's steps; returns the total. */
    long addCpuNanos(long nanos) {
        cpuNanos += nanos;
        return cpuNanos;
    }

    long cpuNanos() {
        return cpuNanos;
    }

    boolean overBudget() {
        return overBudget;
    }

    void markOverBudget() {
        overBudget = true;
    }

    int nextSequence() {
        return ++sequence;
    }

    /** The number of the request's next need, from 1. Called only by the thread running its steps. */
    int nextNeed() {
        return ++needs;
    }

    @SuppressWarnings("unchecked")
    <T> @Nullable T read(Slot<T> slot) {
        return (T) slots.get(slot);
    }

    void write(Slot<?> slot, Object value, String writer) {
        requireNonNull(value, () -> "value of slot '" + slot.name() + "'");
        Object typed = slot.cast(value);
        if (slots.containsKey(slot)) {
            throw new SlotStateException("slot '" + slot.name() + "' written twice (second writer: '" + writer
                    + "'); a slot is written at most once per request");
        }
        if (slots.size() >= settings.limits().maxSlots()) {
            throw new ZerverException(ErrorKind.OVERLOADED, "request", "slots_per_request");
        }
        slots.put(slot, typed);
    }

    void lastError(@Nullable ZerverError error) {
        this.lastError = error;
    }

    /** Marks the request answered by its deadline or left by its client: no more steps or effects. */
    void abandon() {
        abandoned = true;
    }

    boolean abandoned() {
        return abandoned;
    }

    Map<String, List<String>> query() {
        Map<String, List<String>> q = query;
        if (q == null) {
            q = QueryParams.parse(request.rawQuery());
            query = q;
        }
        return q;
    }

    Object json() {
        Object parsed = json;
        if (parsed == null) {
            parsed = JsonBody.parse(request.body(), settings.limits().maxJsonDepth());
            json = parsed;
        }
        return parsed;
    }

    AtomicInteger inFlight() {
        return inFlight;
    }

    void onExit(Runnable callback) {
        requireNonNull(callback, "callback");
        synchronized (exitCallbacks) {
            if (!exited) {
                exitCallbacks.add(callback);
                return;
            }
        }
        // The request already left: run it now rather than never.
        runQuietly(callback);
    }

    void addCompensation(Effect forEffect, Effect undo) {
        synchronized (compensations) {
            compensations.add(new PendingCompensation(forEffect, undo));
        }
    }

    /** Takes the pending compensations, newest first; later calls get none. */
    List<PendingCompensation> drainCompensationsNewestFirst() {
        synchronized (compensations) {
            List<PendingCompensation> out = new ArrayList<>(compensations);
            compensations.clear();
            java.util.Collections.reverse(out);
            return out;
        }
    }

    void addBackground(Disposable task) {
        background.add(task);
    }

    void cancelBackground() {
        background.dispose();
    }

    /** Marks the exchange finished; true only for the first caller. */
    boolean markFinished() {
        return finished.compareAndSet(false, true);
    }

    void runExitCallbacks() {
        List<Runnable> callbacks;
        synchronized (exitCallbacks) {
            exited = true;
            callbacks = List.copyOf(exitCallbacks);
            exitCallbacks.clear();
        }
        for (Runnable r : callbacks) {
            runQuietly(r);
        }
    }

    private void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log(LOG, System.Logger.Level.WARNING, () -> "onExit callback of request " + requestId + " failed", e);
        }
    }

    record PendingCompensation(Effect forEffect, Effect undo) {
    }
}
