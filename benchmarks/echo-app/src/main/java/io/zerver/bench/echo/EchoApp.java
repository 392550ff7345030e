package io.zerver.bench.echo;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.zerver.bench.echofeature.EchoFeature;
import io.zerver.samples.todos.TodosFeature;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One WebFlux server, one JVM, the same echo handler twice: {@code POST /zerver/echo} as an
 * embedded Zerver route (one step, the echo feature's, {@link EchoFeature}, which the supervisor
 * serves from its jar in the two-process benchmark) and {@code POST /plain/echo} as a plain
 * functional endpoint. Both answer 200 with the request's body and content type. Only the path a
 * request takes from Netty to the handler differs, which is what {@code benchmarks/wrk/echo.sh}
 * measures. The same for the smallest GET: {@code GET /zerver/echo} (the echo feature's second
 * route) and {@code GET /plain/echo}, an {@code @RestController} method ({@link PlainGet}); both
 * answer {@code hello} as {@code text/plain}. The todos feature is imported too:
 * {@code benchmarks/wrk/two-process.sh} compares its {@code GET /todos} here with the same jar in
 * the supervisor. {@link KvRoutes} serves one key/value read as a Zerver route and as a
 * hand-written handler ({@code GET /zerver/kv/:key}, {@code GET /plain/kv/{key}}).
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import({ EchoFeature.class, TodosFeature.class, EchoApp.PlainGet.class })
public class EchoApp {

    /** {@link EchoFeature}'s route. */
    static final String ZERVER_PATH = "/zerver/echo";
    static final String PLAIN_PATH = "/plain/echo";
    private static final byte[] NO_BODY = new byte[0];

    public static void main(String[] args) {
        SpringApplication.run(EchoApp.class, args);
    }

    /** The request's content type, or {@code application/octet-stream}: {@link EchoFeature}'s rule. */
    static String contentType(@Nullable String requested) {
        return requested == null || requested.isBlank() ? MediaType.APPLICATION_OCTET_STREAM_VALUE : requested;
    }

    @Bean
    RouterFunction<ServerResponse> plainEcho() {
        return route(POST(PLAIN_PATH), request -> request.bodyToMono(byte[].class)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> ServerResponse.ok()
                        .header("Content-Type", contentType(request.headers().firstHeader("Content-Type")))
                        .bodyValue(body)));
    }

    /** {@code GET /plain/echo}: the handler a user would write, {@link EchoFeature#HELLO} as text. */
    @RestController
    static class PlainGet {

        @GetMapping(path = PLAIN_PATH, produces = MediaType.TEXT_PLAIN_VALUE)
        String hello() {
            return EchoFeature.HELLO;
        }
    }
}
