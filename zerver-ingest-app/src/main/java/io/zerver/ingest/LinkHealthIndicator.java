package io.zerver.ingest;

import io.zerver.ipc.client.LinkClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The link to the supervisor, as health component {@code link}: up while at least one connection
 * is handshaken and not draining. In the readiness group only: a lost supervisor takes the ingest
 * out of rotation but never gets it restarted (liveness stays up).
 */
final class LinkHealthIndicator implements HealthIndicator {

    private final LinkClient link;

    LinkHealthIndicator(LinkClient link) {
        this.link = link;
    }

    @Override
    public Health health() {
        if (link.isConnected()) {
            return Health.up().build();
        }
        return Health.down().withDetail("reason", "no connection to the supervisor").build();
    }
}
