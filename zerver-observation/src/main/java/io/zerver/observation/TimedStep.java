package io.zerver.observation;

import io.zerver.core.flow.Layer;
import io.zerver.core.timeline.TimelineEvent;
import org.jspecify.annotations.Nullable;

/**
 * A step of a request whose steps are only timed, with the default convention: what its
 * {@code zerver.steps} timer is found by (name, layer, outcome, exception), kept as plain
 * fields. No {@link ZerverStepContext} is made unless the timer is new ({@link UnsampledTimers#recordStep}).
 */
final class TimedStep {

    private final String step;
    private final Layer layer;
    private final int sequence;
    private final long startedAt;
    private @Nullable String outcome;
    private @Nullable String exception;

    TimedStep(TimelineEvent.StepStarted started) {
        this.step = started.step();
        this.layer = started.layer();
        this.sequence = started.sequence();
        this.startedAt = started.at();
    }

    String step() {
        return step;
    }

    int sequence() {
        return sequence;
    }

    /** It threw {@code className}: its timer gets the {@code error} tag of a failure. */
    void threw(String className) {
        this.exception = className;
    }

    void outcome(String decided) {
        this.outcome = decided;
    }

    /** Records its timer: the time from its start to {@code at}, nanoseconds since the request began. */
    void endAt(long at, UnsampledTimers timers) {
        timers.recordStep(step, layer, outcome, exception, at - startedAt);
    }
}
