package io.zerver.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.zerver.core.effect.Effects;
import io.zerver.core.pipeline.PipelineValidationException.Rule;
import io.zerver.core.pipeline.PipelineValidationException.Violation;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineValidatorTests {

    private static final Slot<String> USER = Slot.of("user", String.class);
    private static final Slot<String> TODO = Slot.of("todo", String.class);
    private static final Slot<String> AUDIT = Slot.of("audit", String.class);

    @Test
    void acceptsPipelineWhoseReadsAllHaveEarlierWriters() {
        Step auth = step("auth").writes(USER).run(ctx -> Decision.next());
        Step load = step("load").reads(USER).writes(TODO).run(ctx -> Decision.next());
        Step render = step("render").reads(USER, TODO).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("GET /todos/:id", List.of(auth), List.of(), List.of(load, render)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsReadBeforeWrite() {
        Step render = step("render").reads(TODO).run(ctx -> Decision.next());
        Step load = step("load").writes(TODO).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("GET /todos/:id", render, load));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::pipeline, Violation::step, Violation::slot, Violation::rule)
                    .containsExactly("GET /todos/:id", "render", "todo", Rule.READ_BEFORE_WRITE);
            assertThat(v.detail()).contains("'load' (main, position 1) writes it later", "move the reader after it");
        });
        assertThat(ex).hasMessageContaining("pipeline 'GET /todos/:id'")
                .hasMessageContaining("READ_BEFORE_WRITE: step 'render', slot 'todo'");
    }

    @Test
    void rejectsTwoWriters() {
        Step first = step("load_cached").writes(TODO).run(ctx -> Decision.next());
        Step second = step("load_db").writes(TODO).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("GET /todos/:id", first, second));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::pipeline, Violation::step, Violation::slot, Violation::rule)
                    .containsExactly("GET /todos/:id", "load_db", "todo", Rule.TWO_WRITERS);
            assertThat(v.detail()).contains("'load_cached' (main, position 0)", "single writer");
        });
    }

    @Test
    void reportsThreeWritersOfOneSlotOnce() {
        Step a = step("a").writes(TODO).run(ctx -> Decision.next());
        Step b = step("b").writes(TODO).run(ctx -> Decision.next());
        Step c = step("c").writes(TODO).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("flow", a, b, c));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v.step()).isEqualTo("b");
            assertThat(v.detail()).contains("'a' (main, position 0)", "'c' (main, position 2)");
        });
    }

    @Test
    void rejectsReadOfSlotNobodyWrites() {
        Step render = step("render").reads(AUDIT).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("GET /audit", render));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::pipeline, Violation::step, Violation::slot, Violation::rule)
                    .containsExactly("GET /audit", "render", "audit", Rule.NO_WRITER);
            assertThat(v.detail()).contains("no step of the pipeline writes it");
        });
    }

    @Test
    void slotsWithTheSameNameAreDifferentSlots() {
        Slot<String> otherTodo = Slot.of("todo", String.class);
        Step load = step("load").writes(TODO).run(ctx -> Decision.next());
        Step render = step("render").reads(otherTodo).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("GET /todos/:id", load, render));

        assertThat(ex.violations()).extracting(Violation::rule).containsExactly(Rule.NO_WRITER);
    }

    @Test
    void acceptsEffectTargetSlotAsWrittenByDeclaringStep() {
        Step load = step("load").writes(TODO)
                .run(ctx -> Decision.need(Effects.dbGet("todo:1").into(TODO)));
        Step render = step("render").reads(TODO).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("GET /todos/:id", load, render)).doesNotThrowAnyException();
    }

    @Test
    void acceptsStepThatReadsSlotItWrites() {
        Step load = step("load").reads(TODO).writes(TODO).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("GET /todos/:id", load)).doesNotThrowAnyException();
    }

    @Test
    void continuationMayReadSlotsWrittenByItsStep() {
        Step check = step("check").reads(TODO).writes(AUDIT).run(ctx -> Decision.next());
        Step load = step("load").reads(USER).writes(TODO).continuesWith(check)
                .run(ctx -> Decision.need(Effects.dbGet("todo:1").into(TODO)).then(check));
        Step auth = step("auth").writes(USER).run(ctx -> Decision.next());
        Step render = step("render").reads(TODO, AUDIT).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("GET /todos/:id", auth, load, render)).doesNotThrowAnyException();
    }

    @Test
    void continuationMayReadSlotsWrittenByItsAncestors() {
        Step last = step("last").reads(USER, TODO).run(ctx -> Decision.next());
        Step middle = step("middle").writes(TODO).continuesWith(last).run(ctx -> Decision.next());
        Step first = step("first").writes(USER).continuesWith(middle).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("flow", first)).doesNotThrowAnyException();
    }

    @Test
    void continuationReadingSlotWrittenByLaterStepIsRejected() {
        Step check = step("check").reads(AUDIT).run(ctx -> Decision.next());
        Step load = step("load").writes(TODO).continuesWith(check).run(ctx -> Decision.next());
        Step audit = step("audit").writes(AUDIT).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("POST /todos", load, audit));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::pipeline, Violation::step, Violation::slot, Violation::rule)
                    .containsExactly("POST /todos", "check", "audit", Rule.READ_BEFORE_WRITE);
            assertThat(v.detail()).contains("'audit' (main, position 1) writes it later");
        });
    }

    @Test
    void stepReadingSlotWrittenByItsOwnContinuationIsRejected() {
        Step check = step("check").writes(AUDIT).run(ctx -> Decision.next());
        Step load = step("load").reads(AUDIT).continuesWith(check).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("flow", load));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.READ_BEFORE_WRITE);
            assertThat(v.detail()).contains("'check' (main, continuation of 'load' at position 0) writes it later");
        });
    }

    @Test
    void continuationOnAnotherBranchDoesNotSatisfyRead() {
        Step found = step("found").writes(TODO).run(ctx -> Decision.next());
        Step missing = step("missing").reads(TODO).run(ctx -> Decision.next());
        Step load = step("load").continuesWith(found, missing).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("flow", load));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::step, Violation::slot, Violation::rule)
                    .containsExactly("missing", "todo", Rule.READ_BEFORE_WRITE);
            assertThat(v.detail()).contains("'found'", "another continuation branch");
        });
    }

    @Test
    void laterChainStepMayReadSlotWrittenByContinuationOfEarlierStep() {
        Step store = step("store").writes(TODO).run(ctx -> Decision.next());
        Step load = step("load").continuesWith(store).run(ctx -> Decision.next());
        Step render = step("render").reads(TODO).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("flow", load, render)).doesNotThrowAnyException();
    }

    @Test
    void twoContinuationsWritingSameSlotAreTwoWriters() {
        Step fromCache = step("from_cache").writes(TODO).run(ctx -> Decision.next());
        Step fromDb = step("from_db").writes(TODO).run(ctx -> Decision.next());
        Step load = step("load").continuesWith(fromCache, fromDb).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("GET /todos/:id", load));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::step, Violation::slot, Violation::rule)
                    .containsExactly("from_db", "todo", Rule.TWO_WRITERS);
            assertThat(v.detail()).contains("'from_cache' (main, continuation of 'load' at position 0)");
        });
    }

    @Test
    void sharedContinuationIsOneWriter() {
        Step store = step("store").writes(AUDIT).run(ctx -> Decision.next());
        Step create = step("create").writes(TODO).continuesWith(store).run(ctx -> Decision.next());
        Step notify = step("notify").reads(TODO).continuesWith(store).run(ctx -> Decision.next());
        Step render = step("render").reads(AUDIT).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("POST /todos", create, notify, render)).doesNotThrowAnyException();
    }

    @Test
    void sameStepTwiceInChainIsOneWriter() {
        Step auth = step("auth").writes(USER).run(ctx -> Decision.next());
        Step load = step("load").reads(USER).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("GET /todos", List.of(auth), List.of(auth), List.of(load)))
                .doesNotThrowAnyException();
    }

    @Test
    void continuationCycleTerminates() {
        Step retry = step("retry").reads(USER).writes(AUDIT).run(ctx -> Decision.next());
        Step load = step("load").reads(USER).writes(TODO).continuesWith(retry).run(ctx -> Decision.next());
        StepCycles.addContinuation(retry, load);
        Step auth = step("auth").writes(USER).run(ctx -> Decision.next());
        Step render = step("render").reads(TODO, AUDIT).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("flow", auth, load, render)).doesNotThrowAnyException();
    }

    @Test
    void continuationCycleStillReportsViolations() {
        Step retry = step("retry").reads(TODO).run(ctx -> Decision.next());
        Step load = step("load").continuesWith(retry).run(ctx -> Decision.next());
        StepCycles.addContinuation(retry, load);
        StepCycles.addContinuation(retry, retry);

        PipelineValidationException ex = reject(() -> Pipeline.of("flow", load));

        assertThat(ex.violations()).extracting(Violation::step, Violation::rule)
                .containsExactly(tuple("retry", Rule.NO_WRITER));
    }

    @Test
    void globalBeforeStepsWritesAreVisibleToRouteSteps() {
        Step auth = step("auth").writes(USER).run(ctx -> Decision.next());
        Step guard = step("guard").reads(USER).writes(AUDIT).run(ctx -> Decision.next());
        Step load = step("load").reads(USER, AUDIT).writes(TODO).run(ctx -> Decision.next());

        assertThatCode(() -> Pipeline.of("GET /todos/:id", List.of(auth), List.of(guard), List.of(load)))
                .doesNotThrowAnyException();
    }

    @Test
    void routeStepReadingSlotWrittenByMainStepIsRejected() {
        Step guard = step("guard").reads(TODO).run(ctx -> Decision.next());
        Step load = step("load").writes(TODO).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(
                () -> Pipeline.of("GET /todos/:id", List.of(), List.of(guard), List.of(load)));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::step, Violation::rule).containsExactly("guard", Rule.READ_BEFORE_WRITE);
            assertThat(v.detail()).contains("'load' (main, position 1)");
        });
    }

    @Test
    void reportsAllViolationsAtOnce() {
        Step render = step("render").reads(TODO, AUDIT).run(ctx -> Decision.next());
        Step load = step("load").writes(TODO).run(ctx -> Decision.next());
        Step reload = step("reload").writes(TODO).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("GET /todos/:id", render, load, reload));

        assertThat(ex.violations()).extracting(Violation::step, Violation::slot, Violation::rule).containsExactly(
                tuple("render", "todo", Rule.READ_BEFORE_WRITE),
                tuple("render", "audit", Rule.NO_WRITER),
                tuple("reload", "todo", Rule.TWO_WRITERS));
        assertThat(ex.getMessage()).contains("step 'render', slot 'todo'", "step 'render', slot 'audit'",
                "step 'reload', slot 'todo'");
    }

    @Test
    void reportsSharedContinuationReadingMissingSlotOnce() {
        Step store = step("store").reads(AUDIT).run(ctx -> Decision.next());
        Step create = step("create").continuesWith(store).run(ctx -> Decision.next());
        Step notify = step("notify").continuesWith(store).run(ctx -> Decision.next());

        PipelineValidationException ex = reject(() -> Pipeline.of("POST /todos", create, notify));

        assertThat(ex.violations()).extracting(Violation::step, Violation::rule)
                .containsExactly(tuple("store", Rule.NO_WRITER));
    }

    private static Step.Builder step(String name) {
        return Step.named(name);
    }

    private static PipelineValidationException reject(Runnable build) {
        PipelineValidationException ex = catchThrowableOfType(build::run, PipelineValidationException.class);
        assertThat(ex).as("expected a PipelineValidationException").isNotNull();
        return ex;
    }
}
