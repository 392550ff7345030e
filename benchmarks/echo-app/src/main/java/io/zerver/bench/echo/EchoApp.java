package io.zerver.bench.echo;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.samples.todos.TodosFeature;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One WebFlux server, one JVM, the same echo handler twice: {@code POST /zerver/echo} as an
 * embedded Zerver route (one step) and {@code POST /plain/echo} as a plain functional
 * endpoint. Both answer 200 with the request's body and content type. Only the path a
 * request takes from Netty to the handler differs, which is what {@code benchmarks/wrk/echo.sh}
 * measures. The todos feature is imported too: {@code benchmarks/wrk/two-process.sh} compares
 * its {@code GET /todos} here with the same jar in the supervisor.
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import(TodosFeature.class)
public class EchoApp {

    static final String ZERVER_PATH = "/zerver/echo";
    static final String PLAIN_PATH = "/plain/echo";
    private static final byte[] NO_BODY = new byte[0];

    public static void main(String[] args) {
        SpringApplication.run(EchoApp.class, args);
    }

    /** The request's content type, or {@code application/octet-stream}: the same rule on both paths. */
    static String contentType(@Nullable String requested) {
        return requested == null || requested.isBlank() ? MediaType.APPLICATION_OCTET_STREAM_VALUE : requested;
    }

    @Bean
    ZerverRoutes zerverEcho() {
        Step echo = Step.of("echo", ctx -> Decision.done(new Response(200,
                Headers.of("Content-Type", contentType(ctx.header("Content-Type").orElse(null))), ctx.body())));
        return routes -> routes.post(ZERVER_PATH, r -> r.steps(echo));
    }

    @Bean
    RouterFunction<ServerResponse> plainEcho() {
        return route(POST(PLAIN_PATH), request -> request.bodyToMono(byte[].class)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> ServerResponse.ok()
                        .header("Content-Type", contentType(request.headers().firstHeader("Content-Type")))
                        .bodyValue(body)));
    }
}
