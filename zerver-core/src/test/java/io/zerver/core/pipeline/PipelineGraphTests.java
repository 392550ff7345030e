package io.zerver.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zerver.core.json.Json;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineGraphTests {

    private static final Slot<String> USER = Slot.of("user", String.class);
    private static final Slot<Integer> TODO_ID = Slot.of("todo_id", Integer.class);
    private static final Slot<String> TODO = Slot.of("todo", String.class);
    private static final Slot<String> AUDIT = Slot.of("audit", String.class);

    private final Step check = Step.named("check").reads(TODO).writes(AUDIT).run(ctx -> Decision.next());
    private final Step auth = Step.named("auth").writes(USER).run(ctx -> Decision.next());
    private final Step parse = Step.named("parse").writes(TODO_ID).run(ctx -> Decision.next());
    private final Step load = Step.named("load").reads(USER, TODO_ID).writes(TODO).continuesWith(check)
            .run(ctx -> Decision.next());
    private final Step render = Step.named("render").reads(TODO, AUDIT).run(ctx -> Decision.next());

    private final Pipeline pipeline = Pipeline.of("GET /todos/:id", List.of(auth), List.of(parse),
            List.of(load, render));

    @Test
    void stepNamesListChainStepsEachFollowedByItsContinuations() {
        assertThat(pipeline.graph().stepNames()).containsExactly("auth", "parse", "load", "check", "render");
    }

    @Test
    void jsonListsStepsWithLayerPositionAndDeclarations() {
        Map<String, Object> graph = json(pipeline);

        assertThat(graph).containsEntry("pipeline", "GET /todos/:id");
        List<Map<String, Object>> steps = list(graph.get("steps"));
        assertThat(steps).extracting(s -> s.get("name"), s -> s.get("layer"), s -> s.get("position"))
                .containsExactly(
                        tuple("auth", "global", 0L), tuple("parse", "route", 1L), tuple("load", "main", 2L),
                        tuple("check", "main", 2L), tuple("render", "main", 3L));
        assertThat(steps.get(2)).containsEntry("continuationOf", Json.NULL)
                .containsEntry("reads", List.of("user", "todo_id"))
                .containsEntry("writes", List.of("todo"))
                .containsEntry("continuations", List.of("check"));
    }

    @Test
    void jsonNamesTheStepEachContinuationResumesFrom() {
        List<Map<String, Object>> steps = list(json(pipeline).get("steps"));

        assertThat(steps.get(3)).containsEntry("name", "check").containsEntry("continuationOf", "load");
    }

    @Test
    void jsonListsSlotsWithTypeWritersAndReaders() {
        List<Map<String, Object>> slots = list(json(pipeline).get("slots"));

        assertThat(slots).extracting(s -> s.get("name")).containsExactly("user", "todo_id", "todo", "audit");
        assertThat(slots.get(1)).containsEntry("type", "Integer")
                .containsEntry("writers", List.of("parse"))
                .containsEntry("readers", List.of("load"));
        assertThat(slots.get(2)).containsEntry("type", "String")
                .containsEntry("writers", List.of("load"))
                .containsEntry("readers", List.of("check", "render"));
    }

    @Test
    void jsonHasDataEdgesFromEachWriterToEachReader() {
        List<Map<String, Object>> edges = list(json(pipeline).get("edges"));

        assertThat(edges).filteredOn(e -> "data".equals(e.get("kind")))
                .extracting(e -> e.get("from"), e -> e.get("to"), e -> e.get("slot"))
                .containsExactly(
                        tuple("auth", "load", "user"), tuple("parse", "load", "todo_id"),
                        tuple("load", "check", "todo"), tuple("load", "render", "todo"),
                        tuple("check", "render", "audit"));
    }

    @Test
    void jsonHasNextEdgesAlongTheChainAndResumeEdgesToContinuations() {
        List<Map<String, Object>> edges = list(json(pipeline).get("edges"));

        assertThat(edges).filteredOn(e -> !"data".equals(e.get("kind")))
                .extracting(e -> e.get("kind"), e -> e.get("from"), e -> e.get("to"))
                .containsExactly(
                        tuple("next", "auth", "parse"), tuple("next", "parse", "load"),
                        tuple("next", "load", "render"), tuple("resume", "load", "check"));
    }

    @Test
    void jsonHasNoDataEdgeFromStepToItself() {
        Step upsert = Step.named("upsert").reads(TODO).writes(TODO).run(ctx -> Decision.next());

        List<Map<String, Object>> edges = list(json(Pipeline.of("PUT /todos/:id", upsert)).get("edges"));

        assertThat(edges).isEmpty();
    }

    @Test
    void jsonEscapesNamesWithQuotesAndBackslashes() {
        Slot<String> odd = Slot.of("say \"hi\"\\", String.class);
        Step writer = Step.named("write \"it\"").writes(odd).run(ctx -> Decision.next());
        Step reader = Step.named("read\nit").reads(odd).run(ctx -> Decision.next());

        Map<String, Object> graph = json(Pipeline.of("GET /\"odd\"", writer, reader));

        assertThat(graph).containsEntry("pipeline", "GET /\"odd\"");
        assertThat(list(graph.get("slots"))).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("name", "say \"hi\"\\")
                .containsEntry("writers", List.of("write \"it\""))
                .containsEntry("readers", List.of("read\nit")));
    }

    @Test
    void jsonIsDeterministic() {
        assertThat(pipeline.graph().toJson()).isEqualTo(pipeline.graph().toJson());
    }

    @Test
    void sharedContinuationAppearsOnceUnderTheFirstStepReachingIt() {
        Step store = Step.named("store").writes(AUDIT).run(ctx -> Decision.next());
        Step create = Step.named("create").writes(TODO).continuesWith(store).run(ctx -> Decision.next());
        Step notify = Step.named("notify").reads(TODO).continuesWith(store).run(ctx -> Decision.next());
        Pipeline shared = Pipeline.of("POST /todos", create, notify);

        assertThat(shared.graph().stepNames()).containsExactly("create", "store", "notify");
        assertThat(list(json(shared).get("edges"))).filteredOn(e -> "resume".equals(e.get("kind")))
                .extracting(e -> e.get("from"), e -> e.get("to"))
                .containsExactly(tuple("create", "store"), tuple("notify", "store"));
    }

    @Test
    void graphOfContinuationCycleListsEachStepOnce() {
        Step retry = Step.named("retry").run(ctx -> Decision.next());
        Step load = Step.named("load").continuesWith(retry).run(ctx -> Decision.next());
        StepCycles.addContinuation(retry, load);
        Pipeline cyclic = Pipeline.of("flow", load);

        assertThat(cyclic.graph().stepNames()).containsExactly("load", "retry");
        assertThat(list(json(cyclic).get("edges"))).extracting(e -> e.get("kind"), e -> e.get("from"), e -> e.get("to"))
                .containsExactly(tuple("resume", "load", "retry"), tuple("resume", "retry", "load"));
        assertThat(cyclic.graph().toDot()).contains("\"step0\" -> \"step1\" [style=dashed];",
                "\"step1\" -> \"step0\" [style=dashed];");
    }

    @Test
    void dotDrawsStepsAsBoxesAndSlotsAsEllipses() {
        String dot = pipeline.graph().toDot();

        assertThat(dot).startsWith("digraph \"GET /todos/:id\" {\n").endsWith("}\n")
                .contains("\"step0\" [shape=box, label=\"auth\\n(global)\"];")
                .contains("\"step1\" [shape=box, label=\"parse\\n(route)\"];")
                .contains("\"step3\" [shape=box, label=\"check\\n(main)\"];")
                .contains("\"slot2\" [shape=ellipse, label=\"todo\"];");
    }

    @Test
    void dotDrawsWritesReadsChainOrderAndContinuations() {
        String dot = pipeline.graph().toDot();

        assertThat(dot).contains("\"step2\" -> \"slot2\";") // load writes todo
                .contains("\"slot2\" -> \"step4\";") // render reads todo
                .contains("\"step0\" -> \"step1\" [style=bold];") // auth, then parse
                .contains("\"step2\" -> \"step4\" [style=bold];") // load, then render
                .contains("\"step2\" -> \"step3\" [style=dashed];"); // load resumes with check
    }

    @Test
    void dotEscapesQuotesBackslashesAndLineBreaks() {
        Slot<String> odd = Slot.of("say \"hi\"\\n", String.class);
        Step writer = Step.named("a\"b\nc").writes(odd).run(ctx -> Decision.next());
        Step reader = Step.named("reader").reads(odd).run(ctx -> Decision.next());

        String dot = Pipeline.of("GET /\"odd\"", writer, reader).graph().toDot();

        assertThat(dot).startsWith("digraph \"GET /\\\"odd\\\"\" {")
                .contains("label=\"a\\\"b\\nc\\n(main)\"")
                .contains("label=\"say \\\"hi\\\"\\\\n\"");
        assertThat(dot.lines()).allSatisfy(line -> assertThat(quotesBalanced(line)).as(line).isTrue());
    }

    private static boolean quotesBalanced(String line) {
        boolean inside = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inside && c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return !inside;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Pipeline pipeline) {
        return (Map<String, Object>) Json.parse(pipeline.graph().toJson(), 64);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            maps.add((Map<String, Object>) item);
        }
        return maps;
    }
}
