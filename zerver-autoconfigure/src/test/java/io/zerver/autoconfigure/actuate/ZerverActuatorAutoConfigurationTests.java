package io.zerver.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ZerverActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("zerver.scheduler.enabled=false")
            .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class,
                    ZerverActuatorAutoConfiguration.class));

    @Test
    void keepsRecentTimelinesAndOffersHealth() {
        runner.withPropertyValues("zerver.debug.recent-timelines=2").run(context -> {
            assertThat(context).hasSingleBean(RecentTimelines.class).hasSingleBean(ZerverHealthIndicator.class);
            Engine engine = context.getBean(Engine.class);
            for (int i = 0; i < 3; i++) {
                engine.handle(Request.of("GET", "/r" + i)).block(Duration.ofSeconds(1));
            }
            assertThat(context.getBean(RecentTimelines.class).snapshot()).extracting(t -> t.path())
                    .containsExactly("/r2", "/r1");
        });
    }

    @Test
    void endpointShowsSectionsContributedByTheHost() {
        runner.withBean("features", ZerverEndpointSection.class, () -> new ZerverEndpointSection() {
            @Override
            public String name() {
                return "features";
            }

            @Override
            public Object describe() {
                return java.util.Map.of("todos", 1);
            }
        }).withPropertyValues("management.endpoints.web.exposure.include=zerver").run(context -> {
            ZerverEndpoint endpoint = context.getBean(ZerverEndpoint.class);
            assertThat(endpoint.zerver()).containsEntry("features", java.util.Map.of("todos", 1))
                    .containsKey("routes");
            assertThat(endpoint.section("features")).isEqualTo(java.util.Map.of("todos", 1));
            assertThat(endpoint.section("nothing")).isNull();
        });
    }

    @Test
    void healthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.zerver.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ZerverHealthIndicator.class));
    }

    @Test
    void nothingWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(RecentTimelines.class)
                        .doesNotHaveBean(ZerverHealthIndicator.class));
    }

    @Test
    void invalidRecentTimelinesStopsStartUp() {
        runner.withPropertyValues("zerver.debug.recent-timelines=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("field 'recentTimelines'")
                        .hasMessageContaining("default message [0 (expected: >= 1)]"));
    }
}
