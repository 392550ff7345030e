package io.zerver.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;

/** What the web handler reads of a request before the engine runs it. */
class ZerverWebHandlerTests {

    private final Engine engine = Engine.builder().routes(RouteTable.builder()
            .route("GET", "/size", r -> r.steps(size()))
            .route("POST", "/size", r -> r.steps(size()))
            .build()).build();
    private final ZerverWebHandler handler = new ZerverWebHandler(engine, ObservationRegistry.NOOP, true);
    private final AtomicBoolean bodySubscribed = new AtomicBoolean();

    private static Step size() {
        return Step.of("size", ctx -> Decision.done(Response.text(200, Integer.toString(ctx.body().length))));
    }

    private Flux<DataBuffer> body(String text) {
        DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
        return Flux.just(buffer).doOnSubscribe(s -> bodySubscribed.set(true));
    }

    private String serve(MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        handler.handle(exchange).block(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
        return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
    }

    @Test
    void aGetDeclaringNoBodyIsServedWithoutSubscribingToTheBodyStream() {
        String answer = serve(MockServerHttpRequest.method(HttpMethod.GET, "/size").body(body("ignored")));

        assertThat(answer).isEqualTo("0");
        assertThat(bodySubscribed).isFalse();
    }

    @Test
    void aGetDeclaringABodyHasItRead() {
        String answer = serve(MockServerHttpRequest.method(HttpMethod.GET, "/size").contentLength(3)
                .body(body("abc")));

        assertThat(answer).isEqualTo("3");
        assertThat(bodySubscribed).isTrue();
    }

    @Test
    void aGetWithAChunkedBodyHasItRead() {
        String answer = serve(MockServerHttpRequest.method(HttpMethod.GET, "/size")
                .header("Transfer-Encoding", "chunked").body(body("abcd")));

        assertThat(answer).isEqualTo("4");
    }

    @Test
    void aPostDeclaringNoLengthStillHasItsBodyRead() {
        // Over HTTP/2 a body needs neither Content-Length nor Transfer-Encoding.
        String answer = serve(MockServerHttpRequest.method(HttpMethod.POST, "/size").body(body("abcde")));

        assertThat(answer).isEqualTo("5");
        assertThat(bodySubscribed).isTrue();
    }
}
