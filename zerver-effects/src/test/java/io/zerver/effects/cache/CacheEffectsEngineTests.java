package io.zerver.effects.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The cache handlers behind a real engine: set on one request, hit on the next, expire. */
class CacheEffectsEngineTests {

    private static final Slot<Boolean> STORED = Slot.of("stored", Boolean.class);
    private static final Slot<String> VALUE = Slot.of("value", String.class);

    private final FakeTicker ticker = new FakeTicker();
    private final CacheEffects cache = CacheEffects.create(CacheEffectsConfig.defaults(), ticker);
    private final Engine engine = Engine.builder()
            .routes(RouteTable.builder()
                    .post("/x", r -> r.steps(
                            Step.named("set").writes(STORED).run(ctx -> Decision.need(
                                    Effects.cacheSet("greeting", ctx.bodyText(), Duration.ofSeconds(30)).into(STORED))),
                            Step.named("stored").reads(STORED).run(ctx -> Decision.done(Response.noContent()))))
                    .get("/x", r -> r.steps(
                            Step.named("get").writes(VALUE).run(ctx -> Decision.need(
                                    Effects.cacheGet("greeting").into(VALUE).optional())),
                            Step.named("answer").reads(VALUE).run(ctx -> Decision.done(
                                    Response.text(200, ctx.optional(VALUE).orElse("(miss)"))))))
                    .build())
            .handlers(cache.registerOn(EffectHandlers.builder()).build())
            .build();

    @Test
    void valueSetByOneRequestIsReadByTheNextUntilItExpires() {
        assertThat(send(Request.of("GET", "/x")).bodyAsString()).isEqualTo("(miss)");

        assertThat(send(Request.of("POST", "/x").withBody("hello")).status()).isEqualTo(204);
        assertThat(send(Request.of("GET", "/x")).bodyAsString()).isEqualTo("hello");

        ticker.advance(Duration.ofSeconds(31));
        assertThat(send(Request.of("GET", "/x")).bodyAsString()).isEqualTo("(miss)");
    }

    private Response send(Request request) {
        return engine.handle(request).block(Duration.ofSeconds(10));
    }
}
