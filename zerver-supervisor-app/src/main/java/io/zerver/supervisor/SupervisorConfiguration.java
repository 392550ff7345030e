package io.zerver.supervisor;

import io.zerver.autoconfigure.effects.ZerverDataProperties;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorRenderer;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervisor's parts: the feature registry (which the engine reads its routes from), the
 * link handler that runs forwarded requests on the engine, and what the actuator shows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisorProperties.class)
class SupervisorConfiguration {

    @Bean
    FeatureRegistry featureRegistry(ConfigurableApplicationContext context, SupervisorProperties properties,
            ZerverDataProperties data) {
        SupervisorProperties.Features f = properties.getFeatures();
        return FeatureRegistry.create(context, new FeatureSettings(f.getDir(), data.getDir().resolve("feature-staging"),
                f.isWatch(), f.getQuietPeriod(), f.getMaxSettle(), f.getDrainTimeout(), f.getShutdownTimeout(),
                f.getLeakChecks(), f.getLeakCheckInterval()));
    }

    @Bean
    SupervisorLinkHandler supervisorLinkHandler(Engine engine, FeatureRegistry features, ErrorRenderer errors,
            ObjectProvider<ObservationRegistry> observations,
            @Value("${zerver.tracing.enabled:true}") boolean tracing,
            @Value("${zerver.tracing.unsampled-log-correlation:true}") boolean unsampledLogCorrelation) {
        // Without Zerver's observations nothing would adopt the link's observation as the
        // request's root (or name its span): the link is then not observed either.
        ObservationRegistry registry = tracing ? observations.getIfAvailable(() -> ObservationRegistry.NOOP)
                : ObservationRegistry.NOOP;
        return new SupervisorLinkHandler(engine, features, errors, Clock.systemUTC(), registry,
                unsampledLogCorrelation);
    }

    @Bean
    LinkServerLifecycle linkServer(SupervisorProperties properties, SupervisorLinkHandler handler) {
        SupervisorProperties.Ipc ipc = properties.getIpc();
        return new LinkServerLifecycle(ipc.getSocket(), handler,
                LinkServerOptions.defaults().withMaxFrameBytes((int) ipc.getMaxFrameSize().toBytes()),
                ipc.getDrainTimeout());
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
