package io.zerver.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Observers keep their per-request state with the timeline, each under its own identity. */
class TimelineAttachmentTests {

    private final Timeline timeline = new Timeline("r1", "GET", "/x", 0, 0, TimelineObserver.noop());
    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void eachOwnerFindsWhatItAttachedAndNothingElse() {
        timeline.attach(first, "one");
        timeline.attach(second, "two");

        assertThat(timeline.attachment(first)).isEqualTo("one");
        assertThat(timeline.attachment(second)).isEqualTo("two");
        assertThat(timeline.attachment(new Object())).isNull();
    }

    @Test
    void attachingAgainReplacesAndNullDrops() {
        timeline.attach(first, "one");
        timeline.attach(second, "two");
        timeline.attach(first, "uno");
        timeline.attach(second, null);

        assertThat(timeline.attachment(first)).isEqualTo("uno");
        assertThat(timeline.attachment(second)).isNull();
        timeline.attach(first, null);
        assertThat(timeline.attachment(first)).isNull();
    }
}
