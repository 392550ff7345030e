package io.zerver.ingest;

import io.netty.channel.EventLoopGroup;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ingest.http.IngestMetrics;
import io.zerver.ipc.client.LinkClient;
import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.client.PooledLinkClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * The link to the supervisor, from {@link IpcProperties} (the ingest's one binding of
 * {@code zerver.ipc.*}): a pool of connections on {@code zerver.ipc.socket}, connecting in
 * the background (the ingest starts, and answers 502, before the supervisor is up). An
 * auto-configuration so that an application, or a test, can bring its own {@link LinkClient}.
 *
 * <p>By default the pool has one connection per event loop of the HTTP server: Boot's Netty
 * server runs on the loops of the {@link ReactorResourceFactory} (Reactor Netty's global
 * {@link HttpResources} unless the application says otherwise), so this takes the same ones, and
 * a request read on a loop crosses the link on that loop. The {@code zerver.ingest.link.handoffs}
 * counter shows requests that did not.
 */
@AutoConfiguration
@EnableConfigurationProperties(IpcProperties.class)
public final class LinkClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(LinkClient.class)
    PooledLinkClient linkClient(IpcProperties ipc, IngestMetrics metrics,
            ObjectProvider<ReactorResourceFactory> resources) {
        LinkClientOptions options = options(ipc);
        PooledLinkClient client = ipc.eventLoopConnections()
                ? PooledLinkClient.connect(options, serverLoops(resources.getIfAvailable()))
                : PooledLinkClient.connect(options);
        metrics.bindLink(() -> client.stats().reconnects(), () -> client.stats().handOffs());
        return client;
    }

    /**
     * The link's options from the properties. The only place a {@code zerver.ipc} property meets
     * {@link LinkClientOptions}: the bean uses it, and so does {@link IpcProperties}' check at
     * binding, so each range is stated once, by {@code LinkClientOptions}.
     */
    static LinkClientOptions options(IpcProperties ipc) {
        PropertyMapper map = PropertyMapper.get();
        LinkClientOptions options = LinkClientOptions.of(ipc.socket());
        options = map.from(ipc::poolSize).to(options, LinkClientOptions::withPoolSize);
        return map.from(ipc::maxFrameSize).as(CoreValueValidator::intBytes)
                .to(options, LinkClientOptions::withMaxFrameBytes);
    }

    /**
     * The loops Boot's server will run on. The factory creates them when it starts, a lifecycle
     * phase after this bean; starting it now only does that earlier (a later start is a no-op).
     */
    private static EventLoopGroup serverLoops(@Nullable ReactorResourceFactory factory) {
        LoopResources loops;
        if (factory == null) {
            loops = HttpResources.get();
        } else {
            if (!factory.isRunning()) {
                factory.start();
            }
            loops = factory.getLoopResources();
        }
        return loops.onServer(LoopResources.DEFAULT_NATIVE);
    }
}
