package io.zerver.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The mapping matches a request once, and the engine runs that match. */
class ZerverHandlerMappingTests {

    private final AtomicReference<RouteTable> routes = new AtomicReference<>(table("/word", "one"));
    private final Engine engine = Engine.builder().routes(routes::get).build();
    private final ZerverWebHandler handler = new ZerverWebHandler(engine, ObservationRegistry.NOOP, true);
    private final ZerverHandlerMapping mapping = new ZerverHandlerMapping(engine, handler);

    private static RouteTable table(String path, String word) {
        return RouteTable.builder()
                .get(path, r -> r.steps(Step.of("word", ctx -> Decision.done(Response.text(200, word)))))
                .build();
    }

    @Test
    void keepsTheMatchItMadeInTheExchange() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/word"));

        Object mapped = mapping.getHandler(exchange).block(Duration.ofSeconds(5));

        assertThat(mapped).isSameAs(handler);
        assertThat(exchange.<RouteMatch>getAttribute(ZerverHandlerMapping.MATCH_ATTRIBUTE))
                .isInstanceOfSatisfying(RouteMatch.Found.class,
                        found -> assertThat(found.route().pattern()).isEqualTo("/word"));
    }

    @Test
    void theEngineRunsTheRouteTheMappingMatchedEvenAfterTheTableChanged() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/word"));
        mapping.getHandler(exchange).block(Duration.ofSeconds(5));
        routes.set(table("/other", "two"));

        handler.handle(exchange).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("one");
    }

    @Test
    void aMethodTheRouteDoesNotTakeIsMappedAndAnswered405FromTheSameMatch() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/word"));

        assertThat(mapping.getHandler(exchange).block(Duration.ofSeconds(5))).isSameAs(handler);
        handler.handle(exchange).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(405);
        assertThat(exchange.getResponse().getHeaders().getFirst("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void anUnknownPathIsLeftToTheApplication() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/nothing"));

        assertThat(mapping.getHandler(exchange).blockOptional(Duration.ofSeconds(5))).isEmpty();
        assertThat(exchange.<Object>getAttribute(ZerverHandlerMapping.MATCH_ATTRIBUTE)).isNull();
    }

    @Test
    void withoutAMatchInTheExchangeTheEngineMatchesItself() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/word"));

        handler.handle(exchange).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo("one");
    }
}
