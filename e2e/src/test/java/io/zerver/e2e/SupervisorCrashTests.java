package io.zerver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The supervisor killed with SIGKILL under a running ingest, then started again. */
class SupervisorCrashTests {

    private static TwoProcesses apps;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        apps = TwoProcesses.start();
        http = WebTestClient.bindToServer().baseUrl(apps.ingestUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        apps.close();
    }

    @Test
    void answers502AtOnceWhileTheSupervisorIsDownAndRecoversWithEveryAcknowledgedWrite() throws Exception {
        http.post().uri("/todos").header("X-User-ID", "kim").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"survives kill -9\"}").exchange().expectStatus().isCreated();

        apps.killSupervisor();

        long started = System.nanoTime();
        http.get().uri("/todos").header("X-User-ID", "kim").exchange().expectStatus().isEqualTo(502)
                .expectHeader().exists("X-Request-Id");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("502 without waiting for anything").isLessThan(100);
        assertThat(apps.ingestReady()).as("readiness includes the link").isFalse();

        apps.startSupervisor();

        await().atMost(Duration.ofSeconds(30)).until(apps::ingestReady);
        http.get().uri("/todos").header("X-User-ID", "kim").exchange().expectStatus().isOk()
                .expectBody(String.class).value(list -> assertThat(list).contains("survives kill -9"));
    }
}
