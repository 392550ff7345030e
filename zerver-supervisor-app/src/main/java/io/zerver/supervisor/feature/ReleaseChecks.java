package io.zerver.supervisor.feature;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
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
 *
 * <p>When {@code System.gc()} runs a G1 concurrent cycle ({@code -XX:+ExplicitGCInvokesConcurrent})
 * rather than a full collection, a round proves less: the cycle takes every object in a survivor
 * region as live and marks what it references. A retired loader that was old when it retired
 * is then kept by any young object linked to it (one the retirement or the last requests made,
 * a weak or soft reference made since: G1 scans those regions without telling references apart)
 * until that object is tenured, after up to {@code MaxTenuringThreshold} young collections; each
 * round is one, and the round that tenures it still marks through it. So a loader gets at least
 * {@code MaxTenuringThreshold + 3} rounds there (18 by default: one more than the most seen)
 * before it is called a suspect; most are freed in the first few.
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
        this.rounds = rounds(rounds, concurrentExplicitCollections(), maxTenuringThreshold());
        this.intervalMillis = intervalMillis;
        this.keep = keep;
        this.later = later;
    }

    /**
     * The rounds a loader gets before it is a suspect: the configured number, and at least enough
     * for every young object to be tenured when a round is a concurrent cycle (see above).
     */
    static int rounds(int configured, boolean concurrentCycles, int maxTenuringThreshold) {
        return concurrentCycles ? Math.max(configured, maxTenuringThreshold + 3) : configured;
    }

    /** Whether {@code System.gc()} starts a concurrent cycle here instead of a full collection. */
    static boolean concurrentExplicitCollections() {
        return "true".equals(vmOption("ExplicitGCInvokesConcurrent", "false"));
    }

    private static int maxTenuringThreshold() {
        try {
            return Integer.parseInt(vmOption("MaxTenuringThreshold", "15"));
        } catch (NumberFormatException e) {
            return 15;
        }
    }

    private static String vmOption(String name, String otherwise) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) { // not HotSpot, or no such option
            return otherwise;
        }
    }

    /** How many rounds a loader gets before it is a leak suspect. */
    int rounds() {
        return rounds;
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
