package io.zerver.core.schedule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Orders step jobs: interactive before batch, earliest deadline first within a class, and
 * aging, so that a job that waited longer than the aging bound goes ahead of fresher work
 * of a higher class. A job whose deadline passed is not started. The queue is bounded:
 * when full, batch work is shed before interactive work.
 *
 * <p>The fast path costs one atomic increment and one decrement: when a slot is free and
 * nothing waits, {@link #tryRunNow()} lets the caller run its job on its own thread.
 * Queued jobs run on the executor as slots free up.
 */
public final class SloScheduler implements AutoCloseable {

    private final SchedulerConfig config;
    private final Executor executor;
    private final LongSupplier ticker;
    private final SchedulerListener listener;
    private final long agingNanos;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private final AtomicLong shedCount = new AtomicLong();
    private final AtomicLong expiredCount = new AtomicLong();
    private final JobQueue queue = new JobQueue();
    private volatile @Nullable Disposable ownedPool;

    private SloScheduler(SchedulerConfig config, Executor executor, LongSupplier ticker, SchedulerListener listener) {
        this.config = config;
        this.executor = executor;
        this.ticker = ticker;
        this.listener = listener;
        this.agingNanos = config.agingBound().toNanos();
    }

    /**
     * A scheduler running queued jobs on {@code executor}, reading time from
     * {@code ticker} (the engine's: {@code System::nanoTime} by default).
     */
    public static SloScheduler create(SchedulerConfig config, Executor executor, LongSupplier ticker,
            SchedulerListener listener) {
        return new SloScheduler(requireNonNull(config, "config"), requireNonNull(executor, "executor"),
                requireNonNull(ticker, "ticker"), requireNonNull(listener, "listener"));
    }

    /**
     * A scheduler running queued jobs on its own pool of {@code maxConcurrent} threads
     * named {@code zerver-step}, on {@code System.nanoTime()}.
     */
    public static SloScheduler create(SchedulerConfig config, SchedulerListener listener) {
        Scheduler pool = Schedulers.newParallel("zerver-step", config.maxConcurrent(), true);
        SloScheduler scheduler = create(config, pool::schedule, System::nanoTime, listener);
        scheduler.ownedPool = pool;
        return scheduler;
    }

    public SchedulerConfig config() {
        return config;
    }

    /**
     * Takes a slot if one is free and nothing is queued. The caller then runs its job on
     * its own thread and must call {@link #release()} when the job returns.
     */
    public boolean tryRunNow() {
        if (queuedCount.get() > 0) {
            return false;
        }
        return tryAcquire();
    }

    /** Gives back a slot taken by {@link #tryRunNow()} and starts queued work. */
    public void release() {
        running.decrementAndGet();
        dispatch();
    }

    /** Queues {@code job} (or sheds it, or another, when the queue is full) and starts work if a slot is free. */
    public void submit(Job job) {
        requireNonNull(job, "job");
        long now = ticker.getAsLong();
        Job shed;
        int depth;
        synchronized (queue) {
            shed = queue.size() >= config.maxQueued() ? queue.evictFor(job) : null;
            if (shed != job) {
                queue.add(job, now);
            }
            depth = queue.size();
            queuedCount.set(depth);
        }
        if (shed != null) {
            shedCount.incrementAndGet();
            listener.shed(shed.priority());
            shed.shed();
        }
        if (shed != job) {
            listener.queued(job.priority(), depth);
        }
        dispatch();
    }

    private void dispatch() {
        while (queuedCount.get() > 0 && tryAcquire()) {
            long now = ticker.getAsLong();
            List<Job> expired = new ArrayList<>(0);
            JobQueue.Entry next;
            synchronized (queue) {
                next = queue.pollBest(now, agingNanos, expired);
                queuedCount.set(queue.size());
            }
            for (Job e : expired) {
                expiredCount.incrementAndGet();
                listener.expired(e.priority());
                e.expire();
            }
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            long waited = now - next.enqueuedAt();
            listener.dequeued(next.job().priority(), waited);
            try {
                executor.execute(() -> {
                    try {
                        next.job().run(waited);
                    } finally {
                        release();
                    }
                });
            } catch (RuntimeException rejected) {
                running.decrementAndGet();
                shedCount.incrementAndGet();
                listener.shed(next.job().priority());
                next.job().shed();
            }
        }
    }

    private boolean tryAcquire() {
        while (true) {
            int n = running.get();
            if (n >= config.maxConcurrent()) {
                return false;
            }
            if (running.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Stops the pool the scheduler created for itself, if any; queued jobs are then shed. */
    @Override
    public void close() {
        Disposable pool = ownedPool;
        if (pool != null) {
            pool.dispose();
        }
    }

    /** The scheduler's clock, in nanoseconds: job deadlines are on it. */
    public long now() {
        return ticker.getAsLong();
    }

    /** Jobs waiting now. */
    public int queueDepth() {
        return queuedCount.get();
    }

    /** Jobs of {@code priority} waiting now. */
    public int queueDepth(Priority priority) {
        synchronized (queue) {
            return queue.size(priority);
        }
    }

    /** Jobs running now. */
    public int running() {
        return running.get();
    }

    /** Jobs shed since start. */
    public long shedCount() {
        return shedCount.get();
    }

    /** Jobs dropped at their deadline since start. */
    public long expiredCount() {
        return expiredCount.get();
    }

    /** The listener metrics hang on. */
    public SchedulerListener listener() {
        return listener;
    }
}
