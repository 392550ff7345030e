package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * How a request ends: abandoned (answered by its deadline, or left by its client) so that
 * nothing more runs for it; finished once, by whoever answers first; its background effects
 * cancelled; and the callbacks its steps registered run when it leaves.
 */
final class Lifetime {

    private static final System.Logger LOG = System.getLogger(Lifetime.class.getName());

    private final String requestId;
    private final Timeline timeline;
    private static final AtomicIntegerFieldUpdater<Lifetime> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(Lifetime.class, "finished");

    private volatile int finished;
    /** Made on the first background effect; guarded by {@code this}, as are the two fields below. */
    private Disposable.@Nullable Composite background;
    private boolean backgroundCancelled;
    /** Made on the first callback. */
    private @Nullable List<Runnable> exitCallbacks;
    private volatile boolean abandoned;
    private boolean exited;

    Lifetime(String requestId, Timeline timeline) {
        this.requestId = requestId;
        this.timeline = timeline;
    }

    /** Marks the request answered by its deadline or left by its client: no more steps or effects. */
    void abandon() {
        abandoned = true;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** Marks the request finished; true only for the first caller. */
    boolean markFinished() {
        return FINISHED.compareAndSet(this, 0, 1);
    }

    /** Keeps {@code task}, an effect the request no longer waits for, to cancel it if the request fails. */
    void addBackground(Disposable task) {
        synchronized (this) {
            if (!backgroundCancelled) {
                Disposable.Composite kept = background;
                if (kept == null) {
                    kept = Disposables.composite();
                    background = kept;
                }
                kept.add(task);
                return;
            }
        }
        task.dispose(); // cancelled already: as a disposed composite does with what it is given
    }

    void cancelBackground() {
        Disposable.Composite kept;
        synchronized (this) {
            backgroundCancelled = true;
            kept = background;
        }
        if (kept != null) {
            kept.dispose();
        }
    }

    /** Runs {@code callback} when the request leaves, or now if it already left. */
    void onExit(Runnable callback) {
        requireNonNull(callback, "callback");
        synchronized (this) {
            if (!exited) {
                List<Runnable> callbacks = exitCallbacks;
                if (callbacks == null) {
                    callbacks = new ArrayList<>(2);
                    exitCallbacks = callbacks;
                }
                callbacks.add(callback);
                return;
            }
        }
        // The request already left: run it now rather than never.
        runQuietly(callback);
    }

    /** The request leaves: runs the exit callbacks, each once; a failing one is logged. */
    void runExitCallbacks() {
        List<Runnable> callbacks;
        synchronized (this) {
            exited = true;
            callbacks = exitCallbacks;
            exitCallbacks = null;
        }
        if (callbacks == null) {
            return;
        }
        for (Runnable r : callbacks) {
            runQuietly(r);
        }
    }

    private void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            RequestLog.log(timeline, LOG, System.Logger.Level.WARNING,
                    () -> "onExit callback of request " + requestId + " failed", e);
        }
    }
}
