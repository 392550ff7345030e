package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import io.zerver.supervisor.feature.FeatureFailure;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import io.zerver.supervisor.feature.Retirement;
import io.zerver.supervisor.link.SupervisorLinkHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Hot reload (docs/features.md) on a running supervisor: jars changed, corrupted, removed and reloaded
 * in its watched directory while requests run, with a real upstream for slow and hung requests.
 * Each test uses its own feature, so they share one supervisor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeatureReloadTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final DisposableServer UPSTREAM = HttpServer.create().host("127.0.0.1").port(0)
            .route(r -> r.get("/delay", (req, res) -> {
                long ms = Long.parseLong(req.param("ms") == null ? query(req.uri(), "ms") : req.param("ms"));
                return res.sendString(Mono.delay(Duration.ofMillis(ms)).thenReturn("waited " + ms));
            }).get("/hang", (req, res) -> res.sendString(Mono.never())))
            .bindNow();
    private static Path dir;
    private static Path scratch;

    @DynamicPropertySource
    static void features(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("reload-test");
        dir = Files.createDirectories(root.resolve("features"));
        scratch = Files.createDirectories(root.resolve("scratch"));
        FeatureJars.greeting(dir.resolve("swap.jar"), "swap", "one", false);
        FeatureJars.greeting(dir.resolve("sturdy.jar"), "sturdy", "one", false);
        FeatureJars.greeting(dir.resolve("gone.jar"), "gone", "here", false);
        FeatureJars.greeting(dir.resolve("cycle.jar"), "cycle", "cycle", false);
        FeatureJars.upstreamCaller(dir.resolve("slow.jar"), "slow", "one", upstream());
        FeatureJars.upstreamCaller(dir.resolve("hung.jar"), "hung", "one", upstream());
        FeatureJars.leaking(dir.resolve("leaky.jar"), "leaky");
        FeatureJars.registeringADriver(dir.resolve("drivers.jar"), "drivers");
        registry.add("zerver.features.dir", dir::toString);
        registry.add("zerver.data.dir", () -> root.resolve("data").toString());
        registry.add("zerver.features.drain-timeout", () -> "1s");
        registry.add("zerver.features.leak-check-interval", () -> "100ms");
        registry.add("zerver.features.leak-checks", () -> "3");
        registry.add("zerver.features.max-settle", () -> "2s");
        registry.add("management.server.port", () -> "0");
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "zr").resolve("link.sock");
        socket.getParent().toFile().deleteOnExit(); // empty by then: the link removes its socket file
        registry.add("zerver.ipc.socket", socket::toString);
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.disposeNow();
    }

    @Autowired
    FeatureRegistry registry;

    @Autowired
    SupervisorLinkHandler handler;

    @LocalManagementPort
    int managementPort;

    @Test
    void swapsInANewVersionWhenTheJarIsMovedInAndRetiresTheOld() throws IOException {
        moveIn(FeatureJars.greeting(scratch.resolve("swap-2.jar"), "swap", "two", false), "swap.jar");

        await().atMost(WAIT).until(() -> body("/swap").equals("two"));
        assertThat(registry.routing().version("swap").number()).isEqualTo(2);
        await().atMost(WAIT).until(() -> outcome("swap", 1) == Retirement.Outcome.RELEASED);
    }

    @Test
    void loadsAJarWrittenInPlaceOnlyOnceItIsComplete() throws Exception {
        byte[] jar = Files.readAllBytes(FeatureJars.greeting(scratch.resolve("inplace.jar"), "inplace", "whole", false));
        Path target = dir.resolve("inplace.jar");
        Files.write(target, java.util.Arrays.copyOf(jar, jar.length / 2));
        await("half a jar is never loaded").during(Duration.ofMillis(400)).atMost(WAIT)
                .until(() -> registry.routing().version("inplace") == null);
        Files.write(target, java.util.Arrays.copyOfRange(jar, jar.length / 2, jar.length),
                java.nio.file.StandardOpenOption.APPEND);

        await().atMost(WAIT).until(() -> body("/inplace").equals("whole"));
        assertThat(registry.routing().version("inplace").number()).isEqualTo(1);
        assertThat(registry.failures()).extracting(FeatureFailure::jar).doesNotContain("inplace.jar");
    }

    @Test
    void keepsTheOldVersionServingWhenTheNewJarIsCorruptOrFailsToStart() throws IOException {
        Path garbage = Files.writeString(scratch.resolve("sturdy-garbage.jar"), "not a jar");
        moveIn(garbage, "sturdy.jar");
        await().atMost(WAIT).until(() -> failure("sturdy.jar").contains("cannot open"));
        assertThat(body("/sturdy")).isEqualTo("one");

        moveIn(FeatureJars.greeting(scratch.resolve("sturdy-failing.jar"), "sturdy", "never", true), "sturdy.jar");
        await().atMost(WAIT).until(() -> failure("sturdy.jar").contains("greeting feature refuses to start"));
        assertThat(body("/sturdy")).isEqualTo("one");
        assertThat(registry.routing().version("sturdy").number()).isEqualTo(1);

        moveIn(FeatureJars.greeting(scratch.resolve("sturdy-2.jar"), "sturdy", "two", false), "sturdy.jar");
        await().atMost(WAIT).until(() -> body("/sturdy").equals("two"));
        assertThat(registry.routing().version("sturdy").number()).isEqualTo(2);
        assertThat(failure("sturdy.jar")).isEmpty();
    }

    @Test
    void refusesAVersionWhoseRouteAnotherFeatureServesAndGivesItNoNumber() throws IOException {
        FeatureJars.greeting(dir.resolve("taker.jar"), "taker", "mine", false);
        await().atMost(WAIT).until(() -> body("/taker").equals("mine"));

        moveIn(FeatureJars.greeting(scratch.resolve("taker-2.jar"), "taker", "clash", false, "/swap"), "taker.jar");

        await().atMost(WAIT).until(() -> failure("taker.jar").contains("GET /swap is declared by both"));
        assertThat(body("/taker")).isEqualTo("mine");
        moveIn(FeatureJars.greeting(scratch.resolve("taker-3.jar"), "taker", "again", false), "taker.jar");
        await().atMost(WAIT).until(() -> body("/taker").equals("again"));
        assertThat(registry.routing().version("taker").number()).isEqualTo(2);
    }

    @Test
    void finishesRunningRequestsOnTheOldVersionAndClosesItOnlyAfterTheLast() throws IOException {
        List<Mono<ResponseFrame>> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            old.add(response("/slow?path=/delay?ms=1200").cache());
        }
        old.forEach(Mono::subscribe);
        await().atMost(WAIT).until(() -> registry.routing().version("slow").inFlight() == 3);
        FeatureVersion first = registry.routing().version("slow");

        moveIn(FeatureJars.upstreamCaller(scratch.resolve("slow-2.jar"), "slow", "two", upstream()), "slow.jar");
        await().atMost(WAIT).until(() -> body("/slow?path=/delay?ms=0").equals("two:waited 0"));
        assertThat(first.state()).isEqualTo(FeatureVersion.State.DRAINING);
        assertThat(registry.draining()).contains(first);

        Instant lastOld = Instant.EPOCH;
        for (Mono<ResponseFrame> r : old) {
            ResponseFrame frame = r.block(WAIT);
            assertThat(frame.status()).isEqualTo(200);
            assertThat(new String(frame.body(), StandardCharsets.UTF_8)).isEqualTo("one:waited 1200");
            lastOld = Instant.now();
        }
        await().atMost(WAIT).until(() -> first.state() == FeatureVersion.State.RETIRED);
        Retirement retirement = retirement("slow", 1);
        assertThat(retirement.retiredAt()).isAfterOrEqualTo(lastOld.minusMillis(50));
    }

    @Test
    void answersARequestThatOutlivesTheDrainTimeoutWith503AndRetiresOnTime() throws IOException {
        Mono<ResponseFrame> hung = response("/hung?path=/hang").cache();
        hung.subscribe();
        await().atMost(WAIT).until(() -> registry.routing().version("hung").inFlight() == 1);
        FeatureVersion first = registry.routing().version("hung");

        moveIn(FeatureJars.upstreamCaller(scratch.resolve("hung-2.jar"), "hung", "two", upstream()), "hung.jar");
        await().atMost(WAIT).until(() -> registry.routing().version("hung").number() == 2);
        long swapped = System.nanoTime();

        ResponseFrame answer = hung.block(WAIT);
        long waitedMillis = (System.nanoTime() - swapped) / 1_000_000;
        assertThat(answer.status()).isEqualTo(503);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("drain_timeout");
        assertThat(waitedMillis).isBetween(500L, 5_000L);
        await().atMost(WAIT).until(() -> first.state() == FeatureVersion.State.RETIRED);
    }

    @Test
    void unloadsTheFeatureOfARemovedJarAfterDraining() throws IOException {
        assertThat(body("/gone")).isEqualTo("here");

        Files.delete(dir.resolve("gone.jar"));

        await().atMost(WAIT).until(() -> status("/gone") == 404);
        await().atMost(WAIT).until(() -> outcome("gone", 1) != null);
    }

    @Test
    void fiftyReloadsLeaveNoClassLoaderReachableAndNoThreadsOrFilesBehind() {
        for (int i = 0; i < 5; i++) {
            registry.reload("cycle");
        }
        await().atMost(WAIT).until(() -> registry.pendingLeakChecks() == 0 && registry.draining().isEmpty());
        int threads = Thread.activeCount();
        long files = openFiles();
        long released = registry.releasedCount();

        for (int i = 0; i < 50; i++) {
            registry.reload("cycle");
            assertThat(body("/cycle")).isEqualTo("cycle");
        }

        assertThat(registry.routing().version("cycle").number()).isEqualTo(56);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> registry.pendingLeakChecks() == 0 && registry.draining().isEmpty());
        assertThat(registry.releasedCount() - released).as("retired loaders collected").isEqualTo(50);
        assertThat(registry.leakSuspects()).noneMatch(r -> r.feature().equals("cycle"));
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads + 2);
        assertThat(openFiles()).isLessThanOrEqualTo(files + 5);
    }

    @Test
    void flagsAVersionWhoseThreadKeepsItsClassLoaderReachable() {
        WebTestClient actuator = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(WAIT).build();
        assertThat(body("/leaky")).isEqualTo("leaking");

        actuator.post().uri("/actuator/zerver/features/leaky").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active[?(@.name == 'leaky')].version").isEqualTo(2);

        await().atMost(WAIT).until(() -> outcome("leaky", 1) == Retirement.Outcome.LEAK_SUSPECT);
        assertThat(retirement("leaky", 1).strayThreads()).contains("leaky-worker");
        actuator.get().uri("/actuator/health").exchange().expectBody()
                .jsonPath("$.components.features.details.leakSuspects[0].name").isEqualTo("leaky")
                .jsonPath("$.components.features.details.leakSuspects[0].strayThreads[0]").isEqualTo("leaky-worker");
        actuator.get().uri("/actuator/zerver/features").exchange().expectBody()
                .jsonPath("$.leakSuspects[0].version").isEqualTo(1);
        actuator.post().uri("/actuator/zerver/features/nothing").exchange().expectStatus().isBadRequest();
    }

    @Test
    void deregistersTheJdbcDriverAFeatureRegisteredSoItsLoaderIsFreed() {
        assertThat(body("/drivers")).isEqualTo("driver");

        registry.reload("drivers");

        await().atMost(WAIT).until(() -> outcome("drivers", 1) == Retirement.Outcome.RELEASED);
        assertThat(retirement("drivers", 1).drivers()).containsExactly("test.drivers.FeatureDriver");
    }

    private static String upstream() {
        return "http://127.0.0.1:" + UPSTREAM.port();
    }

    private static String query(String uri, String name) {
        int at = uri.indexOf(name + "=");
        return at < 0 ? "0" : uri.substring(at + name.length() + 1).split("&")[0];
    }

    private static void moveIn(Path jar, String name) throws IOException {
        Path staged = dir.resolve("." + name + ".tmp");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Mono<ResponseFrame> response(String target) {
        long now = System.currentTimeMillis();
        Mono<Reply> reply = handler.handle(new RequestFrame(IDS.incrementAndGet(), "GET", target, List.of(),
                new byte[0], new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000), Instant.ofEpochMilli(now),
                Instant.ofEpochMilli(now + 30_000)));
        return reply.map(r -> (ResponseFrame) r);
    }

    private String body(String target) {
        return new String(response(target).block(WAIT).body(), StandardCharsets.UTF_8);
    }

    private int status(String target) {
        return response(target).block(WAIT).status();
    }

    private String failure(String jar) {
        return registry.failures().stream().filter(f -> f.jar().equals(jar)).map(FeatureFailure::reason)
                .findFirst().orElse("");
    }

    private Retirement retirement(String feature, int number) {
        return registry.retirements().stream().filter(r -> r.feature().equals(feature) && r.number() == number)
                .findFirst().orElse(null);
    }

    private Retirement.Outcome outcome(String feature, int number) {
        Retirement r = retirement(feature, number);
        return r == null ? null : r.outcome();
    }

    private static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
