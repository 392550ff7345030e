package io.zerver.core.pipeline;

import io.zerver.core.pipeline.PipelineValidationException.Rule;
import io.zerver.core.pipeline.PipelineValidationException.Violation;
import io.zerver.core.pipeline.PipelineWalk.Visit;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static checks of a pipeline, run when it is built: every read has an earlier
 * writer, no slot has two writers, no step reads a slot nobody writes.
 *
 * <p>The whole chain is checked: chain steps and every continuation reachable from them.
 * An effect's target slot is declared in {@link Step#writes()} of the step that declares
 * the effect, so it counts as written by that step. A slot a step both reads and writes is
 * its own and needs no earlier writer.
 *
 * <p>A step runs after every chain step before it (and whichever of their continuations
 * ran), after its own chain step, and, for a continuation, after the continuations on the
 * path that resumes with it. A writer anywhere else (a later chain step, a continuation of
 * a later step, or a continuation on another branch) does not satisfy a read.
 */
final class PipelineValidator {

    private PipelineValidator() {
    }

    /**
     * Checks {@code pipeline} and reports every violation at once.
     *
     * @throws PipelineValidationException when at least one rule is broken
     */
    static void validate(Pipeline pipeline) {
        List<Visit> visits = PipelineWalk.of(pipeline);
        Map<Slot<?>, List<Visit>> writers = writers(visits);
        List<Violation> violations = new ArrayList<>();
        Set<Reported> reported = new HashSet<>();
        Set<Step> before = identitySet();
        int next = 0;
        for (Visit visit : visits) {
            while (visits.get(next).position() < visit.position()) {
                before.add(visits.get(next++).step());
            }
            Step step = visit.step();
            for (Slot<?> slot : step.reads()) {
                if (step.writes().contains(slot)) {
                    continue;
                }
                List<Visit> slotWriters = writers.getOrDefault(slot, List.of());
                if (slotWriters.isEmpty()) {
                    if (reported.add(new Reported(step, slot, Rule.NO_WRITER))) {
                        violations.add(violation(pipeline, step, slot, Rule.NO_WRITER,
                                "no step of the pipeline writes it: add a step that writes it, or that declares an"
                                        + " effect into it, before this one; or drop the read"));
                    }
                } else if (!writtenBefore(visit, slotWriters, before)
                        && reported.add(new Reported(step, slot, Rule.READ_BEFORE_WRITE))) {
                    violations.add(violation(pipeline, step, slot, Rule.READ_BEFORE_WRITE,
                            readBeforeWrite(visit, slot, visits)));
                }
            }
            for (Slot<?> slot : step.writes()) {
                List<Visit> slotWriters = writers.get(slot);
                if (slotWriters.size() > 1 && slotWriters.get(1) == visit) {
                    violations.add(violation(pipeline, step, slot, Rule.TWO_WRITERS, twoWriters(slotWriters)));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new PipelineValidationException(pipeline.name(), violations);
        }
    }

    /** For each written slot, the first visit of each distinct writer step, in walk order. */
    private static Map<Slot<?>, List<Visit>> writers(List<Visit> visits) {
        Map<Slot<?>, List<Visit>> writers = new LinkedHashMap<>();
        Set<Step> seen = identitySet();
        for (Visit visit : visits) {
            if (!seen.add(visit.step())) {
                continue;
            }
            for (Slot<?> slot : visit.step().writes()) {
                writers.computeIfAbsent(slot, s -> new ArrayList<>()).add(visit);
            }
        }
        return writers;
    }

    private static boolean writtenBefore(Visit reader, List<Visit> writers, Set<Step> before) {
        for (Visit writer : writers) {
            if (before.contains(writer.step()) || reader.reachedThrough(writer.step())) {
                return true;
            }
        }
        return false;
    }

    private static String readBeforeWrite(Visit reader, Slot<?> slot, List<Visit> visits) {
        Visit sibling = null;
        for (Visit visit : visits) {
            if (!visit.step().writes().contains(slot)) {
                continue;
            }
            if (visit.position() > reader.position()
                    || (visit.position() == reader.position() && visit.reachedThrough(reader.step()))) {
                return "read before any step writes it; " + visit.describe()
                        + " writes it later: move the reader after it, or the write before the reader";
            }
            if (sibling == null) {
                sibling = visit;
            }
        }
        String writer = sibling == null ? "another step" : sibling.describe();
        return "read before any step writes it; " + writer + " writes it on another continuation branch,"
                + " which never runs before the reader: write it on the reader's path, or read it in a later"
                + " chain step";
    }

    private static String twoWriters(List<Visit> writers) {
        StringBuilder detail = new StringBuilder("also written by ").append(writers.get(0).describe());
        for (int i = 2; i < writers.size(); i++) {
            detail.append(i == 2 ? " and by " : ", ").append(writers.get(i).describe());
        }
        return detail.append(": a slot has a single writer; keep one of the writes, or split the slot in two")
                .toString();
    }

    private static Violation violation(Pipeline pipeline, Step step, Slot<?> slot, Rule rule, String detail) {
        return new Violation(pipeline.name(), step.name(), slot.name(), rule, detail);
    }

    private static Set<Step> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Steps and slots compare by identity, so one report per step instance, slot and rule. */
    private record Reported(Step step, Slot<?> slot, Rule rule) {
    }
}
