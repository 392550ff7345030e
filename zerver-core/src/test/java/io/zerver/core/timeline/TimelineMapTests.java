package io.zerver.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.json.Json;
import io.zerver.core.flow.Layer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineMapTests {

    private final Timeline timeline = new Timeline("r1", "GET", "/todos/7", 0, 1_000, TimelineObserver.noop());

    @Test
    void theMapIsWhatTheJsonWrites() {
        timeline.add(new TimelineEvent.StepStarted(10, "load", Layer.MAIN, 1));
        timeline.add(new TimelineEvent.Failed(20, ZerverError.of(ErrorKind.NOT_FOUND, "todo", "7")));

        assertThat(Json.write(timeline.toMap())).isEqualTo(timeline.toJson());
    }

    @Test
    void theMapHoldsTheRequestAndItsEventsAsPlainValues() {
        timeline.add(new TimelineEvent.StepStarted(10, "load", Layer.MAIN, 1));

        Map<String, Object> map = timeline.toMap();

        assertThat(map).containsEntry("requestId", "r1").containsEntry("method", "GET")
                .containsEntry("path", "/todos/7").containsEntry("route", null).containsEntry("status", 0)
                .containsEntry("startEpochMillis", 1_000L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) map.get("events");
        assertThat(events).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("type", "StepStarted").containsEntry("step", "load").containsEntry("layer", "main"));
    }
}
