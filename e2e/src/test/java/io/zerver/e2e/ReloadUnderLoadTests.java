package io.zerver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot reload's promise (docs/features.md), end to end: clients on several keep-alive connections through the ingest
 * while the todos and echo jars are swapped every two seconds. Not one answer may be other
 * than 2xx, and no connection may be reset.
 */
class ReloadUnderLoadTests {

    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration SWAP_EVERY = Duration.ofSeconds(2);
    private static final int CLIENTS = 4;

    private static TwoProcesses apps;

    @BeforeAll
    static void start() {
        apps = TwoProcesses.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        apps.close();
    }

    @Test
    void swapsJarsUnderLoadWithoutOneFailedRequest() throws Exception {
        HttpClient seed = HttpClient.newHttpClient();
        seed.send(HttpRequest.newBuilder(URI.create(apps.ingestUrl() + "/todos")).header("X-User-ID", "load")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}"))
                .build(), HttpResponse.BodyHandlers.discarding());
        int todosBefore = version("todos");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            boolean echo = i % 2 == 1;
            Thread t = new Thread(() -> load(echo, running, ok, failures), "load-" + i);
            t.start();
            clients.add(t);
        }
        int swaps = 0;
        long end = System.nanoTime() + LOAD.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(SWAP_EVERY.toMillis());
            moveIn("todos.jar");
            moveIn("echo.jar");
            swaps++;
        }
        Thread.sleep(500);
        running.set(false);
        for (Thread t : clients) {
            t.join(30_000);
        }

        assertThat(failures).as("non-2xx answers and I/O errors during %d swaps", swaps).isEmpty();
        assertThat(ok.get()).isGreaterThan(100);
        assertThat(version("todos")).isGreaterThanOrEqualTo(todosBefore + swaps - 1);
    }

    private static void load(boolean echo, AtomicBoolean running, AtomicLong ok, Map<String, Long> failures) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = echo
                ? HttpRequest.newBuilder(URI.create(apps.ingestUrl() + "/zerver/echo"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
                        .timeout(Duration.ofSeconds(10)).build()
                : HttpRequest.newBuilder(URI.create(apps.ingestUrl() + "/todos")).header("X-User-ID", "load")
                        .timeout(Duration.ofSeconds(10)).build();
        while (running.get()) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    failures.merge(response.statusCode() + " " + response.body(), 1L, Long::sum);
                }
            } catch (IOException e) {
                failures.merge(e.toString(), 1L, Long::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void moveIn(String jar) throws IOException {
        Path staged = apps.features.resolve("." + jar + ".tmp");
        Files.copy(Path.of("target/apps").resolve(jar), staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, apps.features.resolve(jar), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static int version(String feature) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apps.supervisorPort + "/actuator/zerver/features")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<Integer> versions = JsonPath.read(response.body(), "$.active[?(@.name == '" + feature + "')].version");
        return versions.get(0);
    }
}
