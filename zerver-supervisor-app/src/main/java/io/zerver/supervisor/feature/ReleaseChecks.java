package io.zerver.supervisor.feature;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks that retired versions' class loaders are freed: one collection per round for every
 * retirement still being checked (not one each: fifty reloads must not cost fifty full
 * collections), then each looks at its loader's weak reference; after the last round a loader
 * still reachable makes its version a leak suspect.
 */
final class ReleaseChecks {

    private static final Log log = LogFactory.getLog(ReleaseChecks.class);

    private final int rounds;
    private final long intervalMillis;
    private final int keep;
    private final BiConsumer<Runnable, Long> later;
    private final List<Retirement> unchecked = new CopyOnWriteArrayList<>();
    private final Deque<Retirement> suspects = new ArrayDeque<>();
    private final AtomicLong released = new AtomicLong();
    private boolean checking; // guarded by unchecked

    /**
     * @param rounds how many collections a loader gets before it is a leak suspect
     * @param intervalMillis the pause between two rounds
     * @param keep how many suspects to remember
     * @param later runs a task after a delay in milliseconds, on the registry's thread
     */
    ReleaseChecks(int rounds, long intervalMillis, int keep, BiConsumer<Runnable, Long> later) {
        this.rounds = rounds;
        this.intervalMillis = intervalMillis;
        this.keep = keep;
        this.later = later;
    }

    void check(Retirement retirement) {
        synchronized (unchecked) {
            unchecked.add(retirement);
            if (!checking) {
                checking = true;
                later.accept(this::round, intervalMillis);
            }
        }
    }

    private void round() {
        System.gc();
        for (Retirement r : unchecked) {
            if (r.checkAfterCollection(rounds)) {
                unchecked.remove(r);
                if (r.outcome() == Retirement.Outcome.RELEASED) {
                    released.incrementAndGet();
                } else {
                    suspect(r);
                }
            }
        }
        synchronized (unchecked) {
            if (unchecked.isEmpty()) {
                checking = false;
            } else {
                later.accept(this::round, intervalMillis);
            }
        }
    }

    private void suspect(Retirement r) {
        synchronized (suspects) {
            suspects.addFirst(r);
            while (suspects.size() > keep) {
                suspects.removeLast();
            }
        }
        log.warn("Leak suspect: the class loader of " + r.feature() + " v" + r.number()
                + " is still reachable after " + r.checks() + " collections; stray threads: "
                + r.strayThreads() + ", JDBC drivers deregistered: " + r.drivers());
    }

    /** The most recent leak suspects, newest first. */
    List<Retirement> suspects() {
        synchronized (suspects) {
            return List.copyOf(suspects);
        }
    }

    int pending() {
        return unchecked.size();
    }

    long released() {
        return released.get();
    }
}
