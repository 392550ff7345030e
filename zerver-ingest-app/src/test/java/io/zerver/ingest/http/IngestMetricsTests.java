package io.zerver.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.ingest.http.IngestMetrics.Outcome;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);

    @Test
    void publishesReconnectsAndHandOffsFromTheBoundSuppliers() {
        AtomicLong reconnects = new AtomicLong(3);
        AtomicLong handOffs = new AtomicLong(0);
        metrics.bindLink(reconnects::get, handOffs::get);
        reconnects.set(5);
        handOffs.set(7);
        System.gc(); // the suppliers are referenced by the meters only

        assertThat(registry.get("zerver.ingest.link.reconnects").functionCounter().count()).isEqualTo(5);
        assertThat(registry.get("zerver.ingest.link.handoffs").functionCounter().count()).isEqualTo(7);
    }

    @Test
    void countsRepliesByStatusFamily() {
        metrics.replied(204);
        metrics.replied(503);
        metrics.replied(504);

        assertThat(registry.get("zerver.ingest.replies").tag("status", "2xx").counter().count()).isEqualTo(1);
        assertThat(registry.get("zerver.ingest.replies").tag("status", "5xx").counter().count()).isEqualTo(2);
    }

    @Test
    void tracksExchangesInFlightAndTheirLatencyByOutcome() {
        metrics.exchangeStarted();
        metrics.exchangeStarted();
        assertThat(registry.get("zerver.ingest.in.flight").gauge().value()).isEqualTo(2);

        metrics.exchangeEnded(Outcome.UNAVAILABLE, System.nanoTime());
        assertThat(metrics.inFlight()).isEqualTo(1);
        assertThat(registry.get("zerver.ingest.link.latency").tag("outcome", "unavailable").timer().count())
                .isEqualTo(1);
    }
}
