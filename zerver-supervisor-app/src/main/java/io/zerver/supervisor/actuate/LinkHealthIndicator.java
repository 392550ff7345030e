package io.zerver.supervisor.actuate;

import io.zerver.ipc.LinkStats;
import io.zerver.supervisor.link.LinkServerLifecycle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the link's socket is served, with its connections, requests in flight and protocol errors. */
public final class LinkHealthIndicator implements HealthIndicator {

    private final LinkServerLifecycle link;

    public LinkHealthIndicator(LinkServerLifecycle link) {
        this.link = link;
    }

    @Override
    public Health health() {
        LinkStats stats = link.stats();
        Health.Builder health = stats == null ? Health.down() : Health.up()
                .withDetail("connections", stats.connections())
                .withDetail("inFlight", stats.inFlight())
                .withDetail("protocolErrors", stats.protocolErrors());
        return health.withDetail("socket", link.socket().toAbsolutePath().toString()).build();
    }
}
