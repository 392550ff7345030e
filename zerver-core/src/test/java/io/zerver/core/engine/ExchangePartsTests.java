package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Request;
import io.zerver.core.schedule.Priority;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.SlotStateException;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The parts an {@link Exchange} is made of, each on its own. */
class ExchangePartsTests {

    private static final Slot<String> NAME = Slot.of("name", String.class);
    private static final Slot<String> OTHER = Slot.of("other", String.class);

    @Test
    void aSlotIsWrittenOnceAndNoMoreSlotsThanTheLimitAllows() {
        SlotStore slots = new SlotStore(1);

        slots.write(NAME, "ann", "first");

        assertThat(slots.read(NAME)).isEqualTo("ann");
        assertThat(slots.read(OTHER)).isNull();
        assertThatThrownBy(() -> slots.write(NAME, "bob", "second")).isInstanceOf(SlotStateException.class)
                .hasMessageContaining("second writer: 'second'");
        assertThatThrownBy(() -> slots.write(OTHER, "bob", "third")).isInstanceOf(ZerverException.class)
                .satisfies(e -> assertThat(((ZerverException) e).error().kind()).isEqualTo(ErrorKind.OVERLOADED));
    }

    @Test
    void theClockMeasuresFromTheStartAndCountsDownToTheDeadline() {
        AtomicLong ticker = new AtomicLong(1_000);
        RequestClock clock = new RequestClock(ticker::get, 1_000, 1_500);

        ticker.set(1_200);

        assertThat(clock.elapsed()).isEqualTo(200);
        assertThat(clock.elapsedAt(1_300)).isEqualTo(300);
        assertThat(clock.remainingNanos()).isEqualTo(300);
        ticker.set(1_600);
        assertThat(clock.remainingNanos()).isEqualTo(-100);
    }

    @Test
    void exitCallbacksRunOnceWhenTheRequestLeavesAndAtOnceAfterwards() {
        Lifetime lifetime = new Lifetime("req-1", timeline());
        List<String> ran = new ArrayList<>();
        lifetime.onExit(() -> ran.add("first"));
        lifetime.onExit(() -> {
            throw new IllegalStateException("boom");
        });
        lifetime.onExit(() -> ran.add("after a failing one"));

        lifetime.runExitCallbacks();
        lifetime.runExitCallbacks();
        lifetime.onExit(() -> ran.add("late"));

        assertThat(ran).containsExactly("first", "after a failing one", "late");
    }

    @Test
    void onlyTheFirstFinishCounts() {
        Lifetime lifetime = new Lifetime("req-1", timeline());

        assertThat(lifetime.abandoned()).isFalse();
        lifetime.abandon();

        assertThat(lifetime.abandoned()).isTrue();
        assertThat(lifetime.markFinished()).isTrue();
        assertThat(lifetime.markFinished()).isFalse();
    }

    @Test
    void compensationsAreTakenNewestFirstAndOnlyOnce() {
        Compensations compensations = new Compensations();
        Effect first = Effects.dbPut("a", "1");
        Effect second = Effects.dbPut("b", "2");
        compensations.add(first, Effects.dbDelete("a"));
        compensations.add(second, Effects.dbDelete("b"));

        assertThat(compensations.drainNewestFirst()).extracting(Compensations.Pending::forEffect)
                .containsExactly(second, first);
        assertThat(compensations.drainNewestFirst()).isEmpty();
    }

    @Test
    void needsAndStepRunsAreNumberedFromOne() {
        Progress progress = new Progress();

        assertThat(progress.nextStep()).isEqualTo(1);
        assertThat(progress.nextStep()).isEqualTo(2);
        assertThat(progress.nextNeed()).isEqualTo(1);
        assertThat(progress.inFlight().get()).isZero();
        assertThat(progress.lastError()).isNull();
    }

    @Test
    void theQueryIsParsedOnceAndDecoded() {
        RequestFacts facts = new RequestFacts(Request.of("GET", "/todos?tag=a%20b&tag=c"), "req-1", "/todos",
                Map.of(), Priority.INTERACTIVE);

        assertThat(facts.query()).containsEntry("tag", List.of("a b", "c"));
        assertThat(facts.query()).isSameAs(facts.query());
    }

    @Test
    void cpuUseAddsUpAndTheBudgetIsMarkedOnce() {
        CpuUsage cpu = new CpuUsage();

        assertThat(cpu.add(5)).isEqualTo(5);
        assertThat(cpu.add(7)).isEqualTo(12);
        assertThat(cpu.overBudget()).isFalse();
        cpu.markOverBudget();
        assertThat(cpu.overBudget()).isTrue();
    }

    private static Timeline timeline() {
        return new Timeline("req-1", "GET", "/", 0, 0, TimelineObserver.noop());
    }
}
