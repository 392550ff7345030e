package io.zerver.core.pipeline;

import io.zerver.core.json.Json;
import io.zerver.core.pipeline.PipelineWalk.Visit;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The reads/writes graph of a pipeline: its steps (chain steps and the continuations
 * reachable from them, each step once), the slots they read and write, and the edges
 * between them. Exportable as JSON ({@link #toJson()}) and Graphviz DOT ({@link #toDot()}).
 *
 * <p>The order is deterministic: steps in chain order, each followed by its continuations
 * depth first; slots in order of first declaration.
 */
public final class PipelineGraph {

    private final Pipeline pipeline;
    private final List<Visit> steps;
    private final Map<Step, Integer> stepIndex;
    private final Map<Slot<?>, Integer> slotIndex;
    private final List<Slot<?>> slots;
    private final List<List<Visit>> writers;
    private final List<List<Visit>> readers;

    private PipelineGraph(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.steps = new ArrayList<>();
        this.stepIndex = new IdentityHashMap<>();
        for (Visit visit : PipelineWalk.of(pipeline)) {
            if (!stepIndex.containsKey(visit.step())) {
                stepIndex.put(visit.step(), steps.size());
                steps.add(visit);
            }
        }
        this.slotIndex = new IdentityHashMap<>();
        this.slots = new ArrayList<>();
        this.writers = new ArrayList<>();
        this.readers = new ArrayList<>();
        for (Visit visit : steps) {
            for (Slot<?> slot : visit.step().reads()) {
                readers.get(index(slot)).add(visit);
            }
            for (Slot<?> slot : visit.step().writes()) {
                writers.get(index(slot)).add(visit);
            }
        }
    }

    static PipelineGraph of(Pipeline pipeline) {
        return new PipelineGraph(pipeline);
    }

    private int index(Slot<?> slot) {
        return slotIndex.computeIfAbsent(slot, s -> {
            slots.add(s);
            writers.add(new ArrayList<>());
            readers.add(new ArrayList<>());
            return slots.size() - 1;
        });
    }

    /** The names of the steps, in graph order (chain steps, each followed by its continuations). */
    public List<String> stepNames() {
        return names(steps);
    }

    /**
     * The graph as JSON: {@code pipeline}, {@code steps} (name, layer, position,
     * continuationOf, reads, writes, continuations), {@code slots} (name, type, writers,
     * readers) and {@code edges} (kind {@code data} from writer to reader of a slot,
     * {@code next} between consecutive chain steps, {@code resume} from a step to each of
     * its continuations).
     */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * The graph as {@link #toJson()} shows it, in plain maps, lists, strings, numbers and
     * nulls, for a JSON library to write (the actuator's); a new map on each call.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("pipeline", pipeline.name());
        List<Object> stepList = new ArrayList<>();
        for (Visit visit : steps) {
            Step step = visit.step();
            Step parent = visit.parent();
            Map<String, @Nullable Object> s = new LinkedHashMap<>();
            s.put("name", step.name());
            s.put("layer", visit.layer().label());
            s.put("position", visit.position());
            s.put("continuationOf", parent == null ? null : parent.name());
            s.put("reads", map(List.copyOf(step.reads()), Slot::name));
            s.put("writes", map(List.copyOf(step.writes()), Slot::name));
            s.put("continuations", map(step.continuations(), Step::name));
            stepList.add(s);
        }
        graph.put("steps", stepList);
        List<Object> slotList = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", slots.get(i).name());
            s.put("type", typeName(slots.get(i).type()));
            s.put("writers", names(writers.get(i)));
            s.put("readers", names(readers.get(i)));
            slotList.add(s);
        }
        graph.put("slots", slotList);
        List<Object> edges = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            for (Visit writer : writers.get(i)) {
                for (Visit reader : readers.get(i)) {
                    if (writer != reader) {
                        edges.add(edge("data", writer.step(), reader.step(), slots.get(i)));
                    }
                }
            }
        }
        for (int i = 1; i < pipeline.size(); i++) {
            edges.add(edge("next", pipeline.step(i - 1), pipeline.step(i), null));
        }
        for (Visit visit : steps) {
            for (Step continuation : visit.step().continuations()) {
                edges.add(edge("resume", visit.step(), continuation, null));
            }
        }
        graph.put("edges", edges);
        return graph;
    }

    /**
     * The graph in Graphviz DOT: steps as boxes labelled with name and layer, slots as
     * ellipses, an edge from a step to each slot it writes and from a slot to each step
     * that reads it, bold edges for the chain order, dashed edges to continuations.
     */
    public String toDot() {
        StringBuilder dot = new StringBuilder(256);
        dot.append("digraph ").append(quote(pipeline.name())).append(" {\n");
        dot.append("  graph [rankdir=LR, label=").append(quote(pipeline.name())).append(", labelloc=t];\n");
        for (int i = 0; i < steps.size(); i++) {
            Visit visit = steps.get(i);
            dot.append("  ").append(quote("step" + i)).append(" [shape=box, label=")
                    .append(quote(visit.step().name() + "\n(" + visit.layer().label() + ")")).append("];\n");
        }
        for (int i = 0; i < slots.size(); i++) {
            dot.append("  ").append(quote("slot" + i)).append(" [shape=ellipse, label=")
                    .append(quote(slots.get(i).name())).append("];\n");
        }
        for (int i = 0; i < slots.size(); i++) {
            for (Visit writer : writers.get(i)) {
                arrow(dot, stepId(writer.step()), "slot" + i, "");
            }
            for (Visit reader : readers.get(i)) {
                arrow(dot, "slot" + i, stepId(reader.step()), "");
            }
        }
        for (int i = 1; i < pipeline.size(); i++) {
            arrow(dot, stepId(pipeline.step(i - 1)), stepId(pipeline.step(i)), " [style=bold]");
        }
        for (Visit visit : steps) {
            for (Step continuation : visit.step().continuations()) {
                arrow(dot, stepId(visit.step()), stepId(continuation), " [style=dashed]");
            }
        }
        return dot.append("}\n").toString();
    }

    @Override
    public String toString() {
        return "PipelineGraph[" + pipeline.name() + ", steps=" + stepNames() + "]";
    }

    private String stepId(Step step) {
        return "step" + stepIndex.get(step);
    }

    private static void arrow(StringBuilder dot, String from, String to, String attributes) {
        dot.append("  ").append(quote(from)).append(" -> ").append(quote(to)).append(attributes).append(";\n");
    }

    /**
     * A DOT quoted string. Backslashes are doubled so that labels show them as written
     * (DOT reads {@code \n}, {@code \l}, {@code \N}... in labels as escapes), quotes are
     * escaped, line breaks become {@code \n} and other control characters spaces.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < ' ' || c == '\u007f') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, @Nullable Object> edge(String kind, Step from, Step to, @Nullable Slot<?> slot) {
        Map<String, @Nullable Object> edge = new LinkedHashMap<>();
        edge.put("kind", kind);
        edge.put("from", from.name());
        edge.put("to", to.name());
        edge.put("slot", slot == null ? null : slot.name());
        return edge;
    }

    private static String typeName(Class<?> type) {
        String simple = type.getSimpleName();
        return simple.isEmpty() ? type.getName() : simple;
    }

    private static List<String> names(List<Visit> visits) {
        return map(visits, visit -> visit.step().name());
    }

    private static <T> List<String> map(List<T> items, Function<? super T, String> name) {
        List<String> names = new ArrayList<>(items.size());
        for (T item : items) {
            names.add(name.apply(item));
        }
        return List.copyOf(names);
    }
}
