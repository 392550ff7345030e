package io.zerver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.ipc.RequestFrame;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The actuator on its own port: readiness follows the link, liveness does not, the ingest port never serves it. */
@IngestTest
class ManagementTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecordingLinkClient link;

    WebTestClient management;

    @BeforeEach
    void setUp() {
        link.reset();
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void readinessIsUpWhileTheLinkIsConnected() {
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void readinessGoesDownWithTheLinkWhileLivenessStaysUp() {
        link.connected(false);

        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.link.status").isEqualTo("DOWN");
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void theIngestPortForwardsActuatorPathsLikeAnyOther() {
        WebTestClient ingest = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

        ingest.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Echo-Method", "GET");

        assertThat(link.forwarded()).extracting(RequestFrame::target).containsExactly("/actuator/health");
    }

    @Test
    void exposesTheIngestMeters() {
        for (String meter : new String[] { "zerver.ingest.link.latency", "zerver.ingest.in.flight",
            "zerver.ingest.rejections", "zerver.ingest.replies" }) {
            management.get().uri("/actuator/metrics/" + meter).exchange().expectStatus().isOk();
        }
    }
}
