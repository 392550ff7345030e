package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Handlers that answer on the subscribing thread take the fast path, with the same semantics. */
class SynchronousHandlerTests {

    private static final Slot<String> VALUE = Slot.of("value", String.class);

    private final AtomicInteger calls = new AtomicInteger();

    private Response run(EffectHandlers handlers) {
        Step fetch = Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofMillis(100)).retry(RetryPolicy.fixed(3, Duration.ofMillis(1)))));
        Step answer = Step.named("answer").reads(VALUE).run(ctx ->
                Decision.done(Response.text(200, ctx.require(VALUE))));
        Engine engine = Engine.builder()
                .routes(RouteTable.builder().get("/r", r -> r.steps(fetch, answer)).build())
                .handlers(handlers)
                .build();
        return engine.handle(Request.of("GET", "/r")).block(Duration.ofSeconds(5));
    }

    private static EffectHandlers handler(io.zerver.core.effect.EffectHandler<DbGet> h) {
        return EffectHandlers.builder().on(DbGet.class, h).build();
    }

    @Test
    void immediateValueFillsTheSlot() {
        assertThat(run(handler((e, c) -> Mono.just("now"))).bodyAsString()).isEqualTo("now");
    }

    @Test
    void supplierIsEvaluatedOnce() {
        Response response = run(handler((e, c) -> Mono.fromSupplier(() -> "supplied-" + calls.incrementAndGet())));

        assertThat(response.bodyAsString()).isEqualTo("supplied-1");
    }

    @Test
    void immediateZerverErrorKeepsItsKind() {
        Response response = run(handler((e, c) -> Mono.error(new ZerverException(ErrorKind.NOT_FOUND, "db", "k"))));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void throwingSupplierIsUpstreamUnavailableAndRetried() {
        Response response = run(handler((e, c) -> Mono.fromSupplier(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("connection reset");
            }
            return "third time";
        })));

        assertThat(response.bodyAsString()).isEqualTo("third time");
        assertThat(calls).hasValue(3);
    }

    @Test
    void handlerThatThrowsInsteadOfReturningAMonoIsContained() {
        Response response = run(handler((e, c) -> {
            throw new IllegalArgumentException("bug in handler");
        }));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyAsString()).doesNotContain("bug in handler");
    }

    @Test
    void missingHandlerIs500WithTheDetailOnlyInTheTimeline() {
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(
                Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE))),
                Step.named("answer").reads(VALUE).run(ctx -> Decision.done(Response.noContent())))).build(),
                b -> b.handlers(EffectHandlers.empty()));

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).contains("\"what\":\"db\"", "\"key\":\"value\"")
                .doesNotContain("no_handler");
        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("no_handler:db.get"));
    }

    @Test
    void notFoundDoesNotLeakTheStorageKey() {
        Response response = run(handler((e, c) -> Mono.error(new ZerverException(ErrorKind.NOT_FOUND, "db",
                "todo:ann:42"))));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyAsString()).doesNotContain("ann").contains("\"key\":\"value\"");
    }

    @Test
    void immediateAnswerIsRecordedLikeAnyOther() {
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(
                Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE))),
                Step.named("answer").reads(VALUE).run(ctx -> Decision.done(Response.noContent())))).build(),
                b -> b.handlers(handler((e, c) -> Mono.just("v"))));

        h.get("/r");

        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("ok"));
    }
}
