package io.zerver.supervisor.feature;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Retires drained versions (context closed, loader released) and remembers the most recent
 * retirements, each handed to the {@link ReleaseChecks} that tell whether its loader was freed.
 */
final class Retirements {

    private static final Log log = LogFactory.getLog(Retirements.class);

    private final int kept;
    private final ReleaseChecks checks;
    private final Deque<Retirement> recent = new ArrayDeque<>();

    /** @param kept how many retirements to remember */
    Retirements(int kept, ReleaseChecks checks) {
        this.kept = kept;
        this.checks = checks;
    }

    /** Retires {@code version}, records it, and starts checking that its loader is freed. */
    void retire(FeatureVersion version) {
        Retirement retirement = version.retire();
        synchronized (recent) {
            recent.addFirst(retirement);
            while (recent.size() > kept) {
                recent.removeLast();
            }
        }
        log.info("Retired " + version);
        checks.check(retirement);
    }

    /** The most recent retirements, newest first. */
    List<Retirement> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    ReleaseChecks checks() {
        return checks;
    }
}
