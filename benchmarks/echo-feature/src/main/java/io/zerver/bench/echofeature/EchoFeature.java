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
 * ({@code application/octet-stream} when it has none), one step. The echo app imports it as its
 * embedded route and the supervisor loads it from this jar, so both benchmarks serve one handler.
 */
@Configuration(proxyBeanMethods = false)
public class EchoFeature {

    @Bean
    ZerverRoutes echoRoutes() {
        Step echo = Step.of("echo", ctx -> {
            String type = ctx.header("Content-Type").filter(t -> !t.isBlank()).orElse("application/octet-stream");
            return Decision.done(new Response(200, Headers.of("Content-Type", type), ctx.body()));
        });
        return routes -> routes.post("/zerver/echo", r -> r.steps(echo));
    }
}
