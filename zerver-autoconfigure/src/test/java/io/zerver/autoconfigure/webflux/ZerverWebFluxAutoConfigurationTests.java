package io.zerver.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.core.engine.Engine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.reactive.HandlerMapping;

class ZerverWebFluxAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withPropertyValues("zerver.scheduler.enabled=false")
            .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class,
                    ZerverWebFluxAutoConfiguration.class));

    @Test
    void mountsTheEngineInAReactiveWebApplication() {
        reactive.run(context -> assertThat(context).hasSingleBean(ZerverHandlerMapping.class)
                .hasSingleBean(ZerverWebHandler.class));
    }

    @Test
    void mountsNothingWhenSwitchedOff() {
        reactive.withPropertyValues("zerver.webflux.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(Engine.class)
                        .doesNotHaveBean(ZerverHandlerMapping.class));
    }

    @Test
    void mountsNothingOutsideAReactiveWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class,
                        ZerverWebFluxAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ZerverHandlerMapping.class));
    }

    @Test
    void mountsNothingWithoutWebFlux() {
        reactive.withClassLoader(new FilteredClassLoader(HandlerMapping.class))
                .run(context -> assertThat(context).doesNotHaveBean(ZerverHandlerMapping.class));
    }

    @Test
    void mappingGoesAfterControllersAndRouterFunctions() {
        reactive.run(context -> assertThat(context.getBean(ZerverHandlerMapping.class).getOrder())
                .isGreaterThan(0).isLessThan(Integer.MAX_VALUE - 1));
    }

    @Test
    void theMappingsOrderIsAPropertyAsSpringCloudGatewaysIs() {
        reactive.withPropertyValues("zerver.webflux.handler-mapping-order=-2")
                .run(context -> assertThat(context.getBean(ZerverHandlerMapping.class).getOrder()).isEqualTo(-2));
    }
}
