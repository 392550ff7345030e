package io.zerver.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.autoconfigure.webflux.ZerverHandlerMapping;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * What adding the starter, and nothing else, brings to a plain WebFlux application: Zerver's
 * routes, and nothing on the path of the application's own requests (no filter, no
 * observation, no meter registry, no actuator; those are the application's to add).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.banner-mode=off")
class StarterFootprintTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
    }

    /** What served each request of the test, by path: the controller's method, or Zerver's route match. */
    static final Map<String, Object> HANDLERS = new ConcurrentHashMap<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ZerverRoutes routes() {
            return routes -> routes.get("/z/echo",
                    r -> r.steps(Step.of("echo", ctx -> Decision.done(Response.text(200, "zerver")))));
        }

        @Bean
        Greetings greetings() {
            return new Greetings();
        }

        /** The test's own probe, not the application's: which handler served each request. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter handlerProbe() {
            // Recorded before the response is committed, so before the client can read it.
            return (exchange, chain) -> {
                exchange.getResponse().beforeCommit(() -> {
                    Object handler = exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
                    if (handler == null) {
                        handler = exchange.getAttribute(ZerverHandlerMapping.MATCH_ATTRIBUTE);
                    }
                    if (handler != null) {
                        HANDLERS.put(exchange.getRequest().getPath().value(), handler);
                    }
                    return Mono.empty();
                });
                return chain.filter(exchange);
            };
        }
    }

    @RestController
    static class Greetings {

        @GetMapping("/echo")
        String echo() {
            return "plain";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void bringsNoActuatorMeterRegistryObservationRegistryOrTracer() {
        for (String type : List.of("org.springframework.boot.actuate.endpoint.annotation.Endpoint",
                "io.micrometer.tracing.Tracer")) {
            assertThat(isPresent(type)).as(type).isFalse();
        }
        assertThat(beansOfType("io.micrometer.core.instrument.MeterRegistry")).isZero();
        assertThat(beansOfType("io.micrometer.observation.ObservationRegistry")).isZero();
    }

    @Test
    void addsNoWebFilterToTheApplicationsRequests() {
        assertThat(context.getBeansOfType(WebFilter.class)).containsOnlyKeys("handlerProbe");
    }

    @Test
    void theApplicationsEndpointIsServedByItsControllerAndZerversRouteByZerver() {
        client.get().uri("/echo").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("plain");
        client.get().uri("/z/echo").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("zerver");

        assertThat(HANDLERS.get("/echo")).isInstanceOfSatisfying(HandlerMethod.class,
                method -> assertThat(method.getBeanType()).isEqualTo(Greetings.class));
        assertThat(HANDLERS.get("/z/echo")).isInstanceOf(RouteMatch.Found.class);
    }

    @Test
    void withoutADatabaseOfItsOwnTheKeyValueEffectsUseAnSqliteFileUnderTheDataDir() {
        assertThat(context.containsBean("zerverSqliteDataSource")).isTrue();
    }

    private int beansOfType(String type) {
        try {
            return context.getBeanNamesForType(Class.forName(type)).length;
        } catch (ClassNotFoundException absent) {
            return 0;
        }
    }

    private static boolean isPresent(String type) {
        try {
            Class.forName(type, false, StarterFootprintTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
