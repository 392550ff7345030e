package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.Retirement;
import io.zerver.supervisor.link.SupervisorLinkHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Leak checks on a supervisor whose {@code System.gc()} runs G1 concurrent cycles
 * ({@code -XX:+ExplicitGCInvokesConcurrent}, as {@code run.sh} starts it): a flag a test JVM
 * cannot switch on for itself, so the supervisor runs in a JVM of its own ({@link Child}) and
 * prints what its leak check found.
 */
class ConcurrentCycleReleaseTests {

    private static final String RESULT = "leak check: ";

    @Test
    void releasesTheOldLoaderOfAReloadedFeatureWhenSystemGcRunsConcurrentCycles() throws Exception {
        Path root = Files.createTempDirectory("concurrent-cycles");
        Path dir = Files.createDirectories(root.resolve("features"));
        FeatureJars.greeting(dir.resolve("aged.jar"), "aged", "old", false);
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "zc").resolve("link.sock");
        Path output = root.resolve("child.log");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseG1GC", "-XX:+ExplicitGCInvokesConcurrent", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                "--zerver.features.dir=" + dir, "--zerver.data.dir=" + root.resolve("data"),
                "--zerver.ipc.socket=" + socket, "--management.server.port=0",
                "--zerver.features.watch=false", "--zerver.features.leak-checks=3",
                "--zerver.features.leak-check-interval=100ms")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output);

        assertThat(lines).as("the child's output (%s)", output).anyMatch(l -> l.startsWith(RESULT))
                .filteredOn(l -> l.startsWith(RESULT)).containsExactly(RESULT + Retirement.Outcome.RELEASED);
        assertThat(ended).isTrue();
        Files.deleteIfExists(socket.getParent());
    }

    /**
     * The supervisor in a JVM of its own: serves the feature {@code aged} once, lets its loader
     * grow old (twenty concurrent cycles: past the tenuring threshold, as a loader that served a
     * while is), reloads it and prints the outcome of the old version's leak check.
     */
    static final class Child {

        public static void main(String[] args) throws IOException, InterruptedException {
            ConfigurableApplicationContext app = SpringApplication.run(SupervisorApplication.class, args);
            int status = 1;
            try {
                FeatureRegistry registry = app.getBean(FeatureRegistry.class);
                SupervisorLinkHandler handler = app.getBean(SupervisorLinkHandler.class);
                long now = System.currentTimeMillis();
                ResponseFrame served = (ResponseFrame) handler.handle(new RequestFrame(1, "GET", "/aged", List.of(),
                        new byte[0], new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000),
                        Instant.ofEpochMilli(now), Instant.ofEpochMilli(now + 30_000))).block(Duration.ofSeconds(15));
                System.out.println("served: " + new String(served.body(), StandardCharsets.UTF_8));
                for (int i = 0; i < 20; i++) {
                    System.gc();
                }
                registry.reload("aged");
                AtomicReference<Retirement> seen = new AtomicReference<>();
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    seen.set(registry.retirements().stream().filter(r -> r.feature().equals("aged")).findFirst()
                            .orElse(null));
                    return seen.get() != null && seen.get().outcome() != Retirement.Outcome.CHECKING;
                });
                Retirement retired = seen.get();
                System.out.println("collections: " + (retired == null ? -1 : retired.checks()));
                System.out.println(RESULT + (retired == null ? "none" : retired.outcome()));
                status = 0;
            } finally {
                System.exit(SpringApplication.exit(app) == 0 ? status : 2);
            }
        }
    }
}
