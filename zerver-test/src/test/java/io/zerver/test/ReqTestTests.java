package io.zerver.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.effect.HttpResult;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.flow.Join;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.PipelineValidationException;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Need;
import io.zerver.core.step.Step;
import io.zerver.core.step.UndeclaredSlotException;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReqTestTests {

    private static final Slot<String> USER = Slot.of("user", String.class);
    private static final Slot<String> TODO = Slot.of("todo", String.class);
    private static final Slot<HttpResult> PRICE = Slot.of("price", HttpResult.class);
    private static final Slot<Boolean> SAVED = Slot.of("saved", Boolean.class);

    private static final Step RENDER = Step.named("render").reads(TODO).run(ctx ->
            Decision.done(Response.json(200, ctx.require(TODO))));
    private static final Step LOAD = Step.named("load").reads(USER).writes(TODO).continuesWith(RENDER).run(ctx ->
            Decision.need(Effects.dbGet("todo:" + ctx.require(USER) + ":" + ctx.param("id").orElseThrow())
                    .into(TODO)).then(RENDER));

    @Test
    void runsOneStepAndExposesItsDecision() {
        ReqTest t = ReqTest.get("/todos/7").param("id", "7").seed(USER, "ann");

        Decision decision = t.step(LOAD).decision();

        assertThat(decision).isInstanceOfSatisfying(Need.class, need -> {
            assertThat(need.effects()).singleElement().isInstanceOfSatisfying(DbGet.class,
                    get -> assertThat(get.key()).isEqualTo("todo:ann:7"));
            assertThat(need.continuation()).isSameAs(RENDER);
        });
        assertThat(t.effects().performed()).isEmpty();
    }

    @Test
    void oneStepRunEnforcesDeclarations() {
        Step snoop = Step.named("snoop").run(ctx -> Decision.done(Response.text(200, ctx.require(USER))));

        assertThatThrownBy(() -> ReqTest.get("/").seed(USER, "ann").step(snoop))
                .isInstanceOf(UndeclaredSlotException.class)
                .hasMessage("step 'snoop' reads undeclared slot 'user'");
    }

    @Test
    void runsAPipelineWithScriptedEffects() {
        ReqTest t = ReqTest.get("/todos/7").param("id", "7").seed(USER, "ann");
        t.effects().on(DbGet.class, get -> get.key().equals("todo:ann:7")).succeed("{\"title\":\"milk\"}");

        ReqTest.Result result = t.run(LOAD);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"title\":\"milk\"}");
        assertThat(result.slot(TODO)).contains("{\"title\":\"milk\"}");
        assertThat(result.effects().performed(DbGet.class)).hasSize(1);
        assertThat(result.timeline().events(TimelineEvent.Finished.class)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(200));
    }

    @Test
    void scriptedFailureFailsTheRequest() {
        ReqTest t = ReqTest.get("/todos/7").param("id", "7").seed(USER, "ann");
        t.effects().on(DbGet.class).fail(ErrorKind.NOT_FOUND);

        ReqTest.Result result = t.run(LOAD);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).contains("\"what\":\"db\"");
    }

    @Test
    void unscriptedEffectFailsWithAClearError() {
        ReqTest.Result result = ReqTest.get("/todos/7").param("id", "7").seed(USER, "ann").run(LOAD);

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.body()).doesNotContain("unscripted");
        assertThat(result.timeline().events(TimelineEvent.EffectEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("unscripted db.get"));
    }

    @Test
    void delaysRunOnVirtualTimeSoJoinsCanBeTested() {
        Step answer = Step.named("answer").reads(PRICE)
                .run(ctx -> Decision.done(Response.text(200, ctx.require(PRICE).bodyAsString())));
        Step race = Step.named("race").writes(PRICE).continuesWith(answer).run(ctx -> Decision.need(
                Effects.httpGet("http://slow.example/price").into(PRICE),
                Effects.httpGet("http://fast.example/price").into(PRICE)).join(Join.ANY).then(answer));
        ReqTest t = ReqTest.get("/price").timeout(Duration.ofSeconds(30));
        t.effects().on(HttpCall.class, c -> c.url().getHost().equals("slow.example")).after(Duration.ofSeconds(20))
                .succeed(new HttpResult(200, Headers.empty(), "slow".getBytes()));
        t.effects().on(HttpCall.class, c -> c.url().getHost().equals("fast.example")).after(Duration.ofSeconds(2))
                .succeed(new HttpResult(200, Headers.empty(), "fast".getBytes()));

        long start = System.nanoTime();
        ReqTest.Result result = t.run(race);

        assertThat(result.body()).isEqualTo("fast");
        assertThat(t.effects().cancelled()).singleElement().isInstanceOfSatisfying(HttpCall.class,
                c -> assertThat(c.url().getHost()).isEqualTo("slow.example"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void successiveAnswersScriptRetries() {
        Step save = Step.named("save").writes(SAVED).run(ctx -> Decision.need(Effects.dbPut("k", "v").into(SAVED)
                .timeout(Duration.ofMillis(100)).retry(RetryPolicy.exponential(3, Duration.ofMillis(10)))
                .idempotencyKey("req-1")));
        Step done = Step.named("done").reads(SAVED).run(ctx -> Decision.done(Response.noContent()));
        ReqTest t = ReqTest.post("/save", "{}");
        t.effects().on(DbPut.class).fail(ErrorKind.UPSTREAM_UNAVAILABLE).fail(ErrorKind.TIMEOUT).succeed(true);

        ReqTest.Result result = t.run(save, done);

        assertThat(result.status()).isEqualTo(204);
        assertThat(t.effects().performed(DbPut.class)).hasSize(3);
    }

    @Test
    void hangingEffectMeetsTheDeadline() {
        ReqTest t = ReqTest.get("/todos/7").param("id", "7").seed(USER, "ann").timeout(Duration.ofMillis(500));
        t.effects().on(DbGet.class).hang();

        ReqTest.Result result = t.run(LOAD);

        assertThat(result.status()).isEqualTo(504);
    }

    @Test
    void pipelineIsValidatedWithSeedsCountingAsWritten() {
        assertThat(ReqTest.get("/todos/7").param("id", "7").seed(USER, "ann").effects()).isNotNull();
        assertThatThrownBy(() -> ReqTest.get("/todos/7").param("id", "7").run(LOAD))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("user");
    }

    @Test
    void contextTimeAndIdsAreRepeatable() {
        Step stamp = Step.of("stamp", ctx -> Decision.done(Response.text(200, ctx.now() + " " + ctx.newId())));

        String first = ReqTest.get("/").run(stamp).body();
        String second = ReqTest.get("/").run(stamp).body();

        assertThat(first).isEqualTo(second).startsWith("2026-01-01T00:00:00Z ");
    }
}
