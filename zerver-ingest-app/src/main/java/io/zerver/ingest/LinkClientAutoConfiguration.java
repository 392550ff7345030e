package io.zerver.ingest;

import io.zerver.ingest.http.IngestMetrics;
import io.zerver.ipc.LinkClient;
import io.zerver.ipc.LinkClientOptions;
import io.zerver.ipc.PooledLinkClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The link to the supervisor: a pool of connections on {@code zerver.ipc.socket}, connecting in
 * the background (the ingest starts, and answers 502, before the supervisor is up). An
 * auto-configuration so that an application, or a test, can bring its own {@link LinkClient}.
 */
@AutoConfiguration
public final class LinkClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(LinkClient.class)
    PooledLinkClient linkClient(IpcProperties ipc, IngestMetrics metrics) {
        PooledLinkClient client = PooledLinkClient.connect(LinkClientOptions.of(ipc.getSocket())
                .withPoolSize(ipc.getPoolSize())
                .withMaxFrameBytes((int) ipc.getMaxFrameSize().toBytes()));
        metrics.bindReconnects(() -> client.stats().reconnects());
        return client;
    }
}
