package io.zerver.autoconfigure.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.config.InvalidValueException;
import io.zerver.core.engine.Engine;
import io.zerver.core.engine.RequestLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** An application changes one option of the auto-configured engine through ordered customizer beans. */
class ZerverEngineBuilderCustomizerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class));

    @Test
    void customizersRunInTheirOrderAfterTheProperties() {
        runner.withUserConfiguration(TwoCustomizers.class).withPropertyValues("zerver.limits.max-slots=5",
                "zerver.limits.max-json-depth=8").run(context -> {
                    assertThat(context.getBean(Calls.class).names).containsExactly("first", "second");
                    RequestLimits limits = context.getBean(Engine.class).limits();
                    // The second customizer ran last: its value stands over the first's and the property's.
                    assertThat(limits.maxSlots()).isEqualTo(9);
                });
    }

    @Test
    void theEngineIsStillTheAutoConfiguredOne() {
        runner.withUserConfiguration(TwoCustomizers.class).run(context -> assertThat(context)
                .hasSingleBean(Engine.class).hasBean("zerverEngine"));
    }

    @Test
    void aValueTheEngineRefusesFailsStartUpNamingIt() {
        runner.withBean(ZerverEngineBuilderCustomizer.class, () -> builder -> builder.defaultTimeout(Duration.ZERO))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidValueException.class)
                            .hasMessage("defaultTimeout: PT0S (expected: > 0)");
                });
    }

    static final class Calls {

        final List<String> names = new ArrayList<>();
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoCustomizers {

        @Bean
        Calls calls() {
            return new Calls();
        }

        // Declared before the first one: the order comes from @Order, not from declaration.
        @Bean
        @Order(2)
        ZerverEngineBuilderCustomizer second(Calls calls) {
            return builder -> {
                calls.names.add("second");
                builder.limits(RequestLimits.defaults().withMaxSlots(9));
            };
        }

        @Bean
        @Order(1)
        ZerverEngineBuilderCustomizer first(Calls calls) {
            return builder -> {
                calls.names.add("first");
                builder.limits(RequestLimits.defaults().withMaxSlots(7));
            };
        }
    }
}
