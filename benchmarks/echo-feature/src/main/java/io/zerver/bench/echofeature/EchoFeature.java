package io.zerver.bench.echofeature;

import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /zerver/echo}: 200 with the request's body and content type
 * ({@code application/octet-stream} when it has none), one step. {@code GET /zerver/echo}: 200
 * with {@link #HELLO} as {@code text/plain}, one step: the smallest GET route, what a route costs
 * with no body to read. The echo app imports it as its embedded routes and the supervisor loads
 * it from this jar, so both benchmarks serve one handler.
 */
@Configuration(proxyBeanMethods = false)
public class EchoFeature {

    /** What {@code GET /zerver/echo} answers. */
    public static final String HELLO = "hello";
    private static final byte[] HELLO_BYTES = HELLO.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Bean
    ZerverRoutes echoRoutes() {
        Step echo = Step.of("echo", ctx -> {
            String type = ctx.header("Content-Type").filter(t -> !t.isBlank()).orElse("application/octet-stream");
            return Decision.done(new Response(200, Headers.of("Content-Type", type), ctx.body()));
        });
        Step hello = Step.of("hello",
                ctx -> Decision.done(new Response(200, Headers.of("Content-Type", "text/plain"), HELLO_BYTES)));
        return routes -> routes.post("/zerver/echo", r -> r.steps(echo))
                .get("/zerver/echo", r -> r.steps(hello));
    }
}
