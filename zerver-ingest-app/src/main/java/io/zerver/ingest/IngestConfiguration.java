package io.zerver.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ingest.http.IngestLimits;
import io.zerver.ingest.http.IngestMetrics;
import io.zerver.ingest.http.IngestServerCustomizer;
import io.zerver.ingest.http.LinkForwarder;
import io.zerver.ipc.client.LinkClient;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest's beans. The {@link LinkClient} is not among them: {@link LinkClientAutoConfiguration}
 * builds it from {@link IpcProperties} unless the application brings its own; the HTTP handler,
 * health and shutdown take it from there.
 *
 * <p>The {@link LinkForwarder} is the application's {@code HttpHandler}, so Boot's
 * {@code HttpHandlerAutoConfiguration} (conditional on a missing {@code HttpHandler} bean) backs
 * off and no DispatcherHandler stands between Reactor Netty and the forwarder. Its
 * {@link NettyRouteProvider} goes further: a route taking every request ahead of Spring's adapter,
 * so requests reach the forwarder as Reactor Netty's own. The actuator lives
 * in Boot's child management context on {@code management.server.port}, never on the ingest port.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    IngestLimits ingestLimits(IngestProperties properties) {
        return limits(properties);
    }

    /**
     * The limits as the HTTP side takes them. The only place a {@code zerver.ingest} property meets
     * {@link IngestLimits}: the bean uses it, and so does {@link IngestProperties}' check at binding,
     * so each range is stated once, by {@code IngestLimits}.
     */
    static IngestLimits limits(IngestProperties properties) {
        return new IngestLimits(properties.maxBodySize().toBytes(),
                CoreValueValidator.intBytes(properties.maxHeaderSize()), properties.maxHeaderCount(),
                properties.maxUriLength(), properties.requestTimeout(), properties.readTimeout(),
                properties.idleTimeout());
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    IngestServerCustomizer ingestServerCustomizer(IngestLimits limits, IngestMetrics metrics) {
        return new IngestServerCustomizer(limits, metrics);
    }

    @Bean
    LinkForwarder httpHandler(LinkClient link, IngestLimits limits, IngestMetrics metrics) {
        return new LinkForwarder(link, limits, metrics);
    }

    @Bean
    NettyRouteProvider linkForwarderRoute(LinkForwarder forwarder) {
        return forwarder.route();
    }

    @Bean
    LinkHealthIndicator linkHealthIndicator(LinkClient link) {
        return new LinkHealthIndicator(link);
    }

    @Bean
    LinkShutdown linkShutdown(LinkClient link, IngestMetrics metrics, IngestLimits limits) {
        return new LinkShutdown(link, metrics, limits.requestTimeout().plusSeconds(1));
    }
}
