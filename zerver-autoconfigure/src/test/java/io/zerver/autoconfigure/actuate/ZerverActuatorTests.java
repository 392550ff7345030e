package io.zerver.autoconfigure.actuate;

import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.file.Path;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The actuator view of a running application: the zerver endpoint, recent timelines, health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,zerver",
        "management.endpoint.health.show-details=always", "spring.main.banner-mode=off" })
class ZerverActuatorTests {

    private static final Slot<String> NAME = Slot.of("name", String.class);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ZerverRoutes routes() {
            Step name = Step.named("name").writes(NAME).run(ctx -> {
                ctx.put(NAME, ctx.param("name").orElseThrow());
                return Decision.next();
            });
            Step greet = Step.named("greet").reads(NAME).run(ctx ->
                    Decision.done(Response.text(200, "hi " + ctx.require(NAME))));
            return routes -> routes.get("/greet/:name", r -> r.steps(name, greet));
        }
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void zerverEndpointListsRoutesPipelinesAndGraphs() {
        client.get().uri("/actuator/zerver").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.routes[0].method").isEqualTo("GET")
                .jsonPath("$.routes[0].pattern").isEqualTo("/greet/:name")
                .jsonPath("$.routes[0].steps[0].name").isEqualTo("name")
                .jsonPath("$.routes[0].steps[1].layer").isEqualTo("main")
                .jsonPath("$.routes[0].graph.slots[0].name").isEqualTo("name")
                .jsonPath("$.scheduler.enabled").isEqualTo(true);
    }

    @Test
    void zerverEndpointShowsEachRoutesOptionsAndItsWholeGraphAsJson() {
        client.get().uri("/actuator/zerver/routes").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].flow").isEqualTo(false)
                .jsonPath("$[0].priority").isEqualTo("interactive")
                .jsonPath("$[0].timeout").value(Matchers.nullValue())
                .jsonPath("$[0].graph.pipeline").isNotEmpty()
                .jsonPath("$[0].graph.steps[1].name").isEqualTo("greet")
                .jsonPath("$[0].graph.steps[1].reads[0]").isEqualTo("name")
                .jsonPath("$[0].graph.edges[0].kind").isEqualTo("data")
                .jsonPath("$[0].graph.edges[0].from").isEqualTo("name")
                .jsonPath("$[0].graph.edges[0].to").isEqualTo("greet");
    }

    @Test
    void recentTimelinesShowTheLastRequests() {
        client.get().uri("/greet/ann").header("X-Request-Id", "tour-1").exchange().expectStatus().isOk();

        client.get().uri("/actuator/zerver/timelines").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].requestId").isEqualTo("tour-1")
                .jsonPath("$[0].route").isEqualTo("/greet/:name")
                .jsonPath("$[0].status").isEqualTo(200)
                .jsonPath("$[0].events[0].type").isEqualTo("StepStarted");
    }

    @Test
    void healthReportsTheEngine() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.zerver.status").isEqualTo("UP")
                .jsonPath("$.components.zerver.details.routes").isEqualTo(1);
    }

    @Test
    void unknownSectionIs404() {
        client.get().uri("/actuator/zerver/nothing").exchange().expectStatus().isNotFound();
    }
}
