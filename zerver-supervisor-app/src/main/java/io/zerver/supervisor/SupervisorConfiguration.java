package io.zerver.supervisor;

import io.zerver.autoconfigure.effects.ZerverDataProperties;
import io.zerver.autoconfigure.observation.ZerverTracingProperties;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.ipc.server.LinkHandler;
import io.zerver.ipc.server.LinkServerOptions;
import io.zerver.supervisor.actuate.FeaturesHealthIndicator;
import io.zerver.supervisor.actuate.FeaturesInfoContributor;
import io.zerver.supervisor.actuate.FeaturesSection;
import io.zerver.supervisor.actuate.LinkHealthIndicator;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureSettings;
import io.zerver.supervisor.link.LinkServerLifecycle;
import io.zerver.supervisor.link.SupervisorLinkHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervisor's parts: the feature registry (which the engine reads its routes from), the
 * link handler that runs forwarded requests on the engine, and what the actuator shows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FeaturesProperties.class, IpcProperties.class, ZerverTracingProperties.class })
class SupervisorConfiguration {

    @Bean
    FeatureRegistry featureRegistry(ConfigurableApplicationContext context, FeaturesProperties f,
            ZerverDataProperties data) {
        return FeatureRegistry.create(context, featureSettings(f, data));
    }

    // The mappings below are the only place a zerver.features or zerver.ipc property meets the
    // type that takes it: the beans use them, and so do the properties classes' checks at binding
    // (CoreValueValidator), so a range is stated only by that type.

    static FeatureSettings featureSettings(FeaturesProperties f, ZerverDataProperties data) {
        return new FeatureSettings(f.dir(), data.dir().resolve("feature-staging"), f.watch(),
                f.quietPeriod(), f.maxSettle(), f.drainTimeout(), f.shutdownTimeout(), f.leakChecks(),
                f.leakCheckInterval());
    }

    static LinkServerLifecycle linkServerLifecycle(IpcProperties ipc, LinkHandler handler) {
        PropertyMapper map = PropertyMapper.get();
        LinkServerOptions options = map.from(ipc::maxFrameSize).as(CoreValueValidator::intBytes)
                .to(LinkServerOptions.defaults(), LinkServerOptions::withMaxFrameBytes);
        return new LinkServerLifecycle(ipc.socket(), handler, options, ipc.drainTimeout());
    }

    @Bean
    SupervisorLinkHandler supervisorLinkHandler(Engine engine, FeatureRegistry features, ErrorRenderer errors,
            ObjectProvider<ObservationRegistry> observations,
            ZerverTracingProperties tracing) {
        // Without Zerver's observations nothing would adopt the link's observation as the
        // request's root (or name its span): the link is then not observed either.
        ObservationRegistry registry = tracing.enabled()
                ? observations.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP;
        return new SupervisorLinkHandler(engine, features, errors, Clock.systemUTC(), registry,
                tracing.unsampledLogCorrelation());
    }

    @Bean
    LinkServerLifecycle linkServer(IpcProperties ipc, SupervisorLinkHandler handler) {
        return linkServerLifecycle(ipc, handler);
    }

    @Bean
    LinkHealthIndicator linkHealthIndicator(LinkServerLifecycle link) {
        return new LinkHealthIndicator(link);
    }

    @Bean
    FeaturesSection featuresSection(FeatureRegistry features) {
        return new FeaturesSection(features);
    }

    @Bean
    FeaturesInfoContributor featuresInfoContributor(FeatureRegistry features) {
        return new FeaturesInfoContributor(features);
    }

    @Bean
    FeaturesHealthIndicator featuresHealthIndicator(FeatureRegistry features) {
        return new FeaturesHealthIndicator(features);
    }
}
