package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.route.ZerverRoutes;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Header;
import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.client.PooledLinkClient;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import io.zerver.supervisor.feature.FeatureFailure;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import io.zerver.supervisor.link.SupervisorLinkHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The supervisor started as an application over a features directory holding the real todos
 * jar, a compiled greeting feature, a corrupt jar, a jar whose context fails to start and a
 * second jar claiming the todos name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisorFeaturesTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void features(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("supervisor-test");
        Path dir = Files.createDirectories(root.resolve("features"));
        Files.copy(FeatureJars.todos(), dir.resolve("todos.jar"));
        Files.copy(FeatureJars.blog(), dir.resolve("blog.jar"));
        FeatureJars.greeting(dir.resolve("hello.jar"), "hello", "hello", false);
        FeatureJars.greeting(dir.resolve("failing.jar"), "failing", "never", true);
        Files.write(dir.resolve("corrupt.jar"), "this is not a zip file".getBytes(StandardCharsets.UTF_8));
        Files.copy(FeatureJars.todos(), dir.resolve("zz-todos-again.jar"));
        registry.add("zerver.features.dir", dir::toString);
        registry.add("zerver.data.dir", () -> root.resolve("data").toString());
        staging = Files.createDirectories(root.resolve("data/feature-staging"));
        Files.write(staging.resolve("todos-4242-1.jar"), new byte[] { 1, 2, 3 });
        registry.add("management.server.port", () -> "0");
        socket = Files.createTempDirectory(Path.of("/tmp"), "zs").resolve("link.sock");
        socket.getParent().toFile().deleteOnExit(); // empty by then: the link removes its socket file
        registry.add("zerver.ipc.socket", socket::toString);
    }

    private static Path socket;
    private static Path staging;

    @Autowired
    FeatureRegistry registry;

    @Autowired
    SupervisorLinkHandler handler;

    @Autowired
    ApplicationContext context;

    @LocalManagementPort
    int managementPort;

    @Test
    void loadsEachFeatureJarIntoItsOwnLoaderAndChildContext() {
        List<FeatureVersion> active = registry.routing().active();

        assertThat(active).extracting(FeatureVersion::name).containsExactlyInAnyOrder("todos", "blog", "hello");
        for (FeatureVersion version : active) {
            assertThat(version.number()).isEqualTo(1);
            assertThat(version.context().getParent()).isSameAs(context);
            ClassLoader loader = version.context().getClassLoader();
            assertThat(loader).isInstanceOf(URLClassLoader.class).isNotSameAs(context.getClassLoader());
            assertThat(((URLClassLoader) loader).getName()).isEqualTo("feature-" + version.name() + "-v1");
            assertThat(version.context().getBeansOfType(ZerverRoutes.class).values())
                    .allSatisfy(routes -> assertThat(routes.getClass().getClassLoader()).isSameAs(loader));
        }
    }

    @Test
    void runsForwardedRequestsOnTheOwningFeatureWithItsEffects() {
        ResponseFrame created = response(handler.handle(request(1, "POST", "/todos",
                "{\"title\":\"ship the supervisor\"}", new Header("X-User-ID", "ada"),
                new Header("Content-Type", "application/json"))));
        ResponseFrame listed = response(handler.handle(request(2, "GET", "/todos", "",
                new Header("X-User-ID", "ada"))));
        ResponseFrame hello = response(handler.handle(request(3, "GET", "/hello", "")));

        assertThat(created.id()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).anySatisfy(h -> assertThat(h.name()).isEqualToIgnoringCase("Location"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(new String(listed.body(), StandardCharsets.UTF_8)).contains("ship the supervisor");
        assertThat(hello.status()).isEqualTo(200);
        assertThat(new String(hello.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(registry.routing().version("todos").inFlight()).isZero();
    }

    @Test
    void servesTheBlogPagesWithUserContentEscaped() {
        ResponseFrame created = response(handler.handle(request(7, "POST", "/blogs/api/posts",
                "{\"title\":\"<b>bold</b>\",\"content\":\"text\",\"author\":\"ada\"}",
                new Header("Content-Type", "application/json"))));
        ResponseFrame page = response(handler.handle(request(8, "GET", "/blogs/list", "")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(page.status()).isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
    }

    @Test
    void clearsStagedCopiesLeftByAKilledSupervisor() throws IOException {
        try (var files = Files.list(staging)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .doesNotContain("todos-4242-1.jar")
                    .hasSize(registry.routing().active().size());
        }
    }

    @Test
    void servesTheLinkOnAnOwnerOnlySocket() throws IOException {
        assertThat(Files.getPosixFilePermissions(socket)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try (PooledLinkClient client = PooledLinkClient.connect(LinkClientOptions.of(socket).withPoolSize(1))) {
            org.awaitility.Awaitility.await().atMost(WAIT).until(client::isConnected);

            ResponseFrame created = response(client.exchange(request(0, "POST", "/todos", "{\"title\":\"over the link\"}",
                    new Header("X-User-ID", "linus"), new Header("Content-Type", "application/json"))));
            ResponseFrame listed = response(client.exchange(request(0, "GET", "/todos", "",
                    new Header("X-User-ID", "linus"))));

            assertThat(created.status()).isEqualTo(201);
            assertThat(new String(listed.body(), StandardCharsets.UTF_8)).contains("over the link");
        }
    }

    @Test
    void answersRoutesNoFeatureServesWithTheEnginesErrors() {
        ResponseFrame missing = response(handler.handle(request(4, "GET", "/nothing", "")));
        ResponseFrame wrongMethod = response(handler.handle(request(5, "DELETE", "/hello", "")));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"what\":\"route\"");
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    @Test
    void answersTimeoutWhenTheDeadlineHasAlreadyPassed() {
        long now = System.currentTimeMillis();
        Reply reply = handler.handle(new RequestFrame(6, "GET", "/hello", List.of(), new byte[0], null,
                Instant.ofEpochMilli(now - 10), Instant.ofEpochMilli(now - 1))).block(WAIT);

        assertThat(reply).isInstanceOfSatisfying(ErrorFrame.class, e -> {
            assertThat(e.id()).isEqualTo(6);
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
        });
    }

    @Test
    void reportsEveryJarThatFailedWithItsReasonAndKeepsServingTheOthers() {
        assertThat(registry.failures()).extracting(FeatureFailure::jar)
                .containsExactlyInAnyOrder("corrupt.jar", "failing.jar", "zz-todos-again.jar");
        assertThat(reason("corrupt.jar")).contains("cannot open corrupt.jar");
        assertThat(reason("failing.jar")).contains("greeting feature refuses to start");
        assertThat(reason("zz-todos-again.jar")).contains("feature 'todos' is already loaded from todos.jar");
    }

    @Test
    void actuatorShowsFeaturesInHealthAndTheZerverEndpoint() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(WAIT).build();

        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.features.details.todos.version").isEqualTo(1)
                .jsonPath("$.components.features.details.failures.length()").isEqualTo(3)
                .jsonPath("$.components.link.status").isEqualTo("UP");
        client.get().uri("/actuator/zerver/features").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active[?(@.name == 'todos')].routes[0]").isEqualTo("GET /todos")
                .jsonPath("$.failures.length()").isEqualTo(3);
        client.get().uri("/actuator/info").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.features.todos.version").isEqualTo(1)
                .jsonPath("$.features.blog.label").isNotEmpty();
        client.get().uri("/actuator/zerver").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.routes[?(@.pattern == '/hello')].method").isEqualTo("GET");
    }

    /** docs/contract.md, limits: a rejected input is counted; the engine's own rejections are counted here, not at the ingest. */
    @Test
    void countsTheRequestsItRejectsInTheActuatorsMetrics() {
        String deep = "{\"title\":" + "[".repeat(100) + "]".repeat(100) + "}";
        ResponseFrame tooDeep = response(handler.handle(request(9, "POST", "/todos", deep,
                new Header("X-User-ID", "ada"), new Header("Content-Type", "application/json"))));
        assertThat(tooDeep.status()).isEqualTo(400);
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(WAIT).build();

        client.get().uri("/actuator/metrics/zerver.requests?tag=http.response.status_code:400&tag=zerver.error.what:todo")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.measurements[0].statistic").isEqualTo("COUNT")
                .jsonPath("$.measurements[0].value").value(count ->
                        assertThat(((Number) count).doubleValue()).isGreaterThanOrEqualTo(1));
    }

    private String reason(String jar) {
        return registry.failures().stream().filter(f -> f.jar().equals(jar)).findFirst().orElseThrow().reason();
    }

    private static RequestFrame request(long id, String method, String target, String body, Header... headers) {
        long now = System.currentTimeMillis();
        return new RequestFrame(id, method, target, List.of(headers), body.getBytes(StandardCharsets.UTF_8),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000), Instant.ofEpochMilli(now), Instant.ofEpochMilli(now + 5_000));
    }

    private static ResponseFrame response(reactor.core.publisher.Mono<Reply> reply) {
        Reply r = reply.block(WAIT);
        assertThat(r).isInstanceOf(ResponseFrame.class);
        return (ResponseFrame) r;
    }
}
