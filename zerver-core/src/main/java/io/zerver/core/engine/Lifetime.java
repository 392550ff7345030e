package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Disposable.Composite background = Disposables.composite();
    private final List<Runnable> exitCallbacks = new ArrayList<>(0);
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
        return finished.compareAndSet(false, true);
    }

    /** Keeps {@code task}, an effect the request no longer waits for, to cancel it if the request fails. */
    void addBackground(Disposable task) {
        background.add(task);
    }

    void cancelBackground() {
        background.dispose();
    }

    /** Runs {@code callback} when the request leaves, or now if it already left. */
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

    /** The request leaves: runs the exit callbacks, each once; a failing one is logged. */
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
            RequestLog.log(timeline, LOG, System.Logger.Level.WARNING,
                    () -> "onExit callback of request " + requestId + " failed", e);
        }
    }
}
