package io.zerver.supervisor.feature;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A retired version and whether its class loader was freed. The loader is held weakly: after
 * its context closed, nothing of the supervisor's may keep it, so a bounded series of GCs must
 * clear the reference; if it does not, the version is a leak suspect and the threads and drivers
 * found at retirement say where to look.
 */
public final class Retirement {

    /** What the check found. */
    public enum Outcome {
        /** Still checking. */
        CHECKING,
        /** The class loader was collected. */
        RELEASED,
        /** The class loader was still reachable after every check. */
        LEAK_SUSPECT
    }

    private final String feature;
    private final int number;
    private final String label;
    private final Instant retiredAt;
    private final WeakReference<ClassLoader> loader;
    private final List<String> strayThreads;
    private final List<String> drivers;
    private volatile Outcome outcome = Outcome.CHECKING;
    private volatile int checks;

    /**
     * @param loader the weak reference made with the loader ({@link FeatureClassLoader#watch()}),
     *     never one made now: see there why
     */
    Retirement(String feature, int number, String label, Instant retiredAt, WeakReference<ClassLoader> loader,
            List<String> strayThreads, List<String> drivers) {
        this.feature = feature;
        this.number = number;
        this.label = label;
        this.retiredAt = retiredAt;
        this.loader = loader;
        this.strayThreads = List.copyOf(strayThreads);
        this.drivers = List.copyOf(drivers);
    }

    /**
     * Threads that still run the feature's code or carry its loader as their context loader:
     * a feature must stop what it starts.
     */
    static List<String> strayThreads(@Nullable ClassLoader loader) {
        List<String> out = new ArrayList<>();
        if (loader == null) {
            return out;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && (t.getContextClassLoader() == loader || t.getClass().getClassLoader() == loader)) {
                out.add(t.getName());
            }
        }
        return out;
    }

    public String feature() {
        return feature;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Threads found running the feature's code or holding its loader when it retired. */
    public List<String> strayThreads() {
        return strayThreads;
    }

    /** JDBC drivers the feature had registered, deregistered by the supervisor. */
    public List<String> drivers() {
        return drivers;
    }

    /** How many collections the check has waited for so far. */
    public int checks() {
        return checks;
    }

    /**
     * One round of the check, after a collection: done when the loader is gone; after
     * {@code maxChecks} rounds it gives up and marks the version a leak suspect.
     *
     * @return whether the check is over
     */
    boolean checkAfterCollection(int maxChecks) {
        checks++;
        if (loader.get() == null) {
            outcome = Outcome.RELEASED;
            return true;
        }
        if (checks >= maxChecks) {
            outcome = Outcome.LEAK_SUSPECT;
            return true;
        }
        return false;
    }

    /** Whether the loader is still reachable right now (after the check gave up). */
    public boolean loaderReachable() {
        return loader.get() != null;
    }

    @Override
    public String toString() {
        return feature + " v" + number + " (" + outcome + ")";
    }
}
