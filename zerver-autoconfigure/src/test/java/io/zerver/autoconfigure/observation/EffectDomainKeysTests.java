package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.cache.CacheEffects;
import io.zerver.effects.cache.CacheEffectsConfig;
import io.zerver.effects.file.FileEffects;
import io.zerver.effects.file.FileEffectsConfig;
import io.zerver.effects.http.HttpEffects;
import io.zerver.effects.http.HttpEffectsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The domain keys of effect attempts (docs/observability.md), from what each effect touched: the real
 * HTTP, file and cache handlers, an HTTP server on 127.0.0.1.
 */
class EffectDomainKeysTests {

    @TempDir
    Path files;

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final RecordingHandler recorded = new RecordingHandler();
    private DisposableServer server;
    private ZerverEffects effects;
    private Engine engine;

    @BeforeEach
    void start() {
        registry.observationConfig().observationHandler(recorded);
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/stock/{sku}", (req, res) -> res.sendString(Mono.just("12"))))
                .bindNow();
        effects = ZerverEffects.builder()
                .family(HttpEffects.create(HttpEffectsConfig.defaults()), HttpEffects::registerOn)
                .family(FileEffects.create(FileEffectsConfig.defaults(files)), FileEffects::registerOn)
                .family(CacheEffects.create(CacheEffectsConfig.defaults()), CacheEffects::registerOn)
                .build();
        String url = "http://ann:secret@127.0.0.1:" + server.port() + "/stock/a1?fresh=1";
        Step check = Step.of("check", ctx -> Decision.need(
                        Effects.httpGet(url).timeout(Duration.ofMillis(750)),
                        Effects.cacheSet("stock:a1", "12", Duration.ofMinutes(1)),
                        Effects.fileWrite("stock/a1.json", Map.of("count", 12L)))
                .sequential());
        Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));
        engine = Engine.builder()
                .routes(RouteTable.builder().get("/check", r -> r.steps(check, done)).build())
                .handlers(effects.handlers())
                .observer(ObservationTimelineObserver.create(registry))
                .build();
    }

    @AfterEach
    void stop() {
        effects.close();
        server.disposeNow();
    }

    @Test
    void effectsNameWhatTheyTouchedTheirTimeoutAndTheirNeed() {
        Response response = engine.handle(Request.of("GET", "/check")).block(Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(204);

        Observation.Context request = recorded.named("GET /check");
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.http.get"))
                .hasLowCardinalityKeyValue("effect.outcome", "ok")
                .hasHighCardinalityKeyValue("http.request.method", "GET")
                .hasHighCardinalityKeyValue("url.full", "http://127.0.0.1:" + server.port() + "/stock/a1?fresh=1")
                .hasHighCardinalityKeyValue("effect.timeout_ms", "750")
                .hasHighCardinalityKeyValue("effect.need", "1")
                .hasLowCardinalityKeyValue("effect.mode", "sequential")
                .hasParentObservationContextMatching(parent -> parent == request);
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.cache.set"))
                .hasHighCardinalityKeyValue("cache.key", "stock:a1")
                .hasHighCardinalityKeyValue("effect.timeout_ms", "100")
                .doesNotHaveHighCardinalityKeyValueWithKey("url.full");
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.file.write"))
                .hasHighCardinalityKeyValue("file.path", "stock/a1.json")
                .hasHighCardinalityKeyValue("effect.timeout_ms", "1000")
                .doesNotHaveHighCardinalityKeyValueWithKey("cache.key");
        assertThat(files.resolve("stock/a1.json")).exists();
    }
}
