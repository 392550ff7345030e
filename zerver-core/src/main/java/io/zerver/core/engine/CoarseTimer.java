package io.zerver.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The engine's default timer: a hashed wheel with 1 ms ticks on one daemon thread.
 *
 * <p>Deadlines and effect timeouts are armed on every request and almost always cancelled
 * before they fire. On a {@code ScheduledThreadPoolExecutor} each arming that becomes the
 * queue's head wakes a worker thread; here arming is a lock-free enqueue that wakes nobody,
 * and cancelling is a flag. The wheel thread moves new timers into their slots on its next
 * tick and hands the few that expire to {@code Schedulers.parallel()}, so no request work
 * ever runs on it. Precision is one tick, plenty for millisecond deadlines.
 *
 * <p>With no timer pending (all fired or cancelled and swept) the thread parks until the next
 * one arrives, so an idle application pays no tick; under load the only extra cost of arming
 * is one volatile read.
 */
final class CoarseTimer implements Scheduler {

    static final CoarseTimer INSTANCE = new CoarseTimer("zerver-timer");

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int WHEEL_SIZE = 512;

    private final Queue<Timeout> arrivals = new ConcurrentLinkedQueue<>();
    @SuppressWarnings("unchecked")
    private final List<Timeout>[] wheel = new List[WHEEL_SIZE];
    private final Scheduler runner = Schedulers.parallel();
    private final AtomicBoolean started = new AtomicBoolean();
    private final long origin = System.nanoTime();
    private final String threadName;
    private volatile @Nullable Thread thread;
    /** Set by the wheel thread just before it parks with nothing pending. */
    private volatile boolean idle;
    /** Timers in the wheel, fired, cancelled or not yet: the wheel thread's alone. */
    private int pending;

    CoarseTimer(String threadName) {
        this.threadName = threadName;
        for (int i = 0; i < WHEEL_SIZE; i++) {
            wheel[i] = new ArrayList<>();
        }
    }

    private static final class Timeout implements Disposable {

        final Runnable task;
        final long deadline;
        volatile boolean cancelled;

        Timeout(Runnable task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public void dispose() {
            cancelled = true;
        }

        @Override
        public boolean isDisposed() {
            return cancelled;
        }
    }

    @Override
    public Disposable schedule(Runnable task) {
        return runner.schedule(task);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        if (nanos <= 0) {
            return runner.schedule(task);
        }
        startThread();
        Timeout timeout = new Timeout(task, System.nanoTime() + nanos);
        arrivals.add(timeout);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return timeout;
    }

    @Override
    public long now(TimeUnit unit) {
        return unit.convert(System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Worker createWorker() {
        return new WheelWorker();
    }

    @Override
    public void init() {
        startThread();
    }

    private void startThread() {
        if (!started.get() && started.compareAndSet(false, true)) {
            Thread wheelThread = new Thread(this::loop, threadName);
            wheelThread.setDaemon(true);
            thread = wheelThread;
            wheelThread.start();
        }
    }

    private void loop() {
        long tick = 0;
        while (true) {
            long tickStart = origin + tick * TICK_NANOS;
            long wait = tickStart - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            for (Timeout t; (t = arrivals.poll()) != null;) {
                if (!t.cancelled) {
                    long due = Math.max(tick, (t.deadline - origin + TICK_NANOS - 1) / TICK_NANOS);
                    wheel[(int) (due % WHEEL_SIZE)].add(t);
                    pending++;
                }
            }
            List<Timeout> slot = wheel[(int) (tick % WHEEL_SIZE)];
            long now = System.nanoTime();
            for (int i = slot.size() - 1; i >= 0; i--) {
                Timeout t = slot.get(i);
                if (t.cancelled) {
                    removeAt(slot, i);
                    pending--;
                } else if (t.deadline - now <= 0) {
                    removeAt(slot, i);
                    pending--;
                    runner.schedule(t.task);
                }
            }
            tick++;
            if (pending == 0 && arrivals.isEmpty()) {
                idle = true;
                // Read again after publishing idle: a timer added before schedule() could see
                // it is in the queue now, and one added after will unpark this thread.
                if (arrivals.isEmpty()) {
                    LockSupport.park(this);
                }
                idle = false;
                tick = Math.max(tick, (System.nanoTime() - origin) / TICK_NANOS);
            }
        }
    }

    private static void removeAt(List<Timeout> slot, int i) {
        int last = slot.size() - 1;
        slot.set(i, slot.get(last));
        slot.remove(last);
    }

    /** A worker over the same wheel; disposing it cancels what it scheduled. */
    private final class WheelWorker implements Worker {

        private final Disposable.Composite tasks = Disposables.composite();

        @Override
        public Disposable schedule(Runnable task) {
            Disposable d = CoarseTimer.this.schedule(task);
            tasks.add(d);
            return d;
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            Disposable d = CoarseTimer.this.schedule(task, delay, unit);
            tasks.add(d);
            return d;
        }

        @Override
        public void dispose() {
            tasks.dispose();
        }

        @Override
        public boolean isDisposed() {
            return tasks.isDisposed();
        }
    }
}
