package io.zerver.core.schedule;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The waiting jobs, per class, each class held twice: by deadline (earliest first) and
 * by arrival (oldest first, for aging). An entry taken through one order is skipped
 * when met in the other. Not thread-safe: the scheduler locks around it.
 */
final class JobQueue {

    static final class Entry {

        private final Job job;
        private final long enqueuedAt;
        private final long sequence;
        private boolean taken;

        Entry(Job job, long enqueuedAt, long sequence) {
            this.job = job;
            this.enqueuedAt = enqueuedAt;
            this.sequence = sequence;
        }

        Job job() {
            return job;
        }

        long enqueuedAt() {
            return enqueuedAt;
        }
    }

    private static final Comparator<Entry> BY_DEADLINE = Comparator
            .<Entry>comparingLong(e -> e.job.deadlineNanos()).thenComparingLong(e -> e.sequence);
    private static final Comparator<Entry> BY_ARRIVAL = Comparator.comparingLong(e -> e.sequence);

    private final Map<Priority, PriorityQueue<Entry>> byDeadline = new EnumMap<>(Priority.class);
    private final Map<Priority, PriorityQueue<Entry>> byArrival = new EnumMap<>(Priority.class);
    private final Map<Priority, Integer> sizes = new EnumMap<>(Priority.class);
    private long sequence;
    private int size;

    JobQueue() {
        for (Priority p : Priority.values()) {
            byDeadline.put(p, new PriorityQueue<>(BY_DEADLINE));
            byArrival.put(p, new PriorityQueue<>(BY_ARRIVAL));
            sizes.put(p, 0);
        }
    }

    int size() {
        return size;
    }

    int size(Priority priority) {
        return sizes.get(priority);
    }

    void add(Job job, long now) {
        Entry e = new Entry(job, now, sequence++);
        byDeadline.get(job.priority()).add(e);
        byArrival.get(job.priority()).add(e);
        sizes.merge(job.priority(), 1, Integer::sum);
        size++;
    }

    /**
     * The queue is full and {@code incoming} arrives: returns the job to shed, which is
     * {@code incoming} itself unless a batch job can make room for an interactive one.
     */
    Job evictFor(Job incoming) {
        if (incoming.priority() == Priority.BATCH || sizes.get(Priority.BATCH) == 0) {
            return incoming;
        }
        // Shed the batch job with the latest deadline: it has the most slack.
        Entry latest = null;
        for (Entry e : byDeadline.get(Priority.BATCH)) {
            if (!e.taken && (latest == null || BY_DEADLINE.compare(e, latest) > 0)) {
                latest = e;
            }
        }
        if (latest == null) {
            return incoming;
        }
        take(latest);
        return latest.job;
    }

    /**
     * The next job to run: the oldest job that waited past the aging bound, else
     * interactive by deadline, else batch by deadline. Jobs whose deadline passed are
     * removed into {@code expired}; cancelled jobs are dropped.
     */
    @Nullable Entry pollBest(long now, long agingNanos, List<Job> expired) {
        while (size > 0) {
            Entry candidate = aged(now, agingNanos);
            if (candidate == null) {
                candidate = head(byDeadline.get(Priority.INTERACTIVE));
            }
            if (candidate == null) {
                candidate = head(byDeadline.get(Priority.BATCH));
            }
            if (candidate == null) {
                return null;
            }
            take(candidate);
            if (candidate.job.isCancelled()) {
                continue;
            }
            if (candidate.job.deadlineNanos() - now <= 0) {
                expired.add(candidate.job);
                continue;
            }
            return candidate;
        }
        return null;
    }

    private @Nullable Entry aged(long now, long agingNanos) {
        Entry oldest = null;
        for (Priority p : Priority.values()) {
            Entry e = head(byArrival.get(p));
            if (e != null && now - e.enqueuedAt > agingNanos && (oldest == null || e.sequence < oldest.sequence)) {
                oldest = e;
            }
        }
        return oldest;
    }

    private static @Nullable Entry head(PriorityQueue<Entry> q) {
        Entry e = q.peek();
        while (e != null && e.taken) {
            q.poll();
            e = q.peek();
        }
        return e;
    }

    private void take(Entry e) {
        e.taken = true;
        sizes.merge(e.job.priority(), -1, Integer::sum);
        size--;
    }
}
