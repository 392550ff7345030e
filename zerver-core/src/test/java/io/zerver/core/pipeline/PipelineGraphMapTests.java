package io.zerver.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.json.Json;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineGraphMapTests {

    private static final Slot<String> TODO = Slot.of("todo", String.class);

    private final Step render = Step.named("render").reads(TODO).run(ctx -> Decision.next());
    private final Step load = Step.named("load").writes(TODO).continuesWith(render).run(ctx -> Decision.next());
    private final Pipeline pipeline = Pipeline.of("GET /todos/:id", List.of(), List.of(), List.of(load));

    @Test
    void theMapIsWhatTheJsonWrites() {
        assertThat(Json.write(pipeline.graph().toMap())).isEqualTo(pipeline.graph().toJson());
    }

    @Test
    void theMapHoldsPlainValuesWithRealNulls() {
        Map<String, Object> graph = pipeline.graph().toMap();

        assertThat(graph).containsEntry("pipeline", "GET /todos/:id").containsKeys("steps", "slots", "edges");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) graph.get("steps");
        assertThat(steps.get(0)).containsEntry("name", "load").containsEntry("continuationOf", null)
                .containsEntry("writes", List.of("todo"));
        assertThat(steps.get(1)).containsEntry("name", "render").containsEntry("continuationOf", "load");
    }

    @Test
    void eachCallGivesANewMap() {
        assertThat(pipeline.graph().toMap()).isNotSameAs(pipeline.graph().toMap());
    }
}
