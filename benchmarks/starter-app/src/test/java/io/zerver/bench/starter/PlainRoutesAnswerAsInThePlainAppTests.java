package io.zerver.bench.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The plain app's routes answer in the starter app exactly as in the plain app, which runs
 * beside it as its own process ({@code zerver-bench-plain-app-exec.jar}, no Zerver on its
 * classpath): same status, content type, body and header names. Needs the plain app's jar,
 * which {@code package} builds; skipped without it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bench.data.dir=target")
class PlainRoutesAnswerAsInThePlainAppTests {

    private static final Path PLAIN_JAR = Path.of("../plain-app/target/zerver-bench-plain-app-exec.jar");
    private static final Set<String> VARYING = Set.of("date");

    private static Process plainApp;
    private static int plainPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startThePlainApp() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(PLAIN_JAR), PLAIN_JAR + " is built by package");
        Path dir = Files.createDirectories(Path.of("target/plain-app"));
        Path log = dir.resolve("plain-app.log");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            plainPort = free.getLocalPort();
        }
        plainApp = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PLAIN_JAR.toString(), "--server.address=127.0.0.1", "--server.port=" + plainPort,
                "--bench.data.dir=" + dir.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("the plain app answers; see " + log).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast("the plain app stopped; see " + log, () -> !plainApp.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> get(plainPort, "/kv/k42").statusCode() == 200);
    }

    @AfterAll
    static void stopThePlainApp() throws InterruptedException {
        if (plainApp != null) {
            plainApp.destroy();
            plainApp.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/echo", "/echo?msg=ping", "/json", "/kv/k42", "/kv/missing", "/fn/echo?msg=ping",
            "/fn/json", "/fn/kv/k42", "/fn/kv/missing" })
    void answersAsThePlainApp(String path) throws IOException, InterruptedException {
        HttpResponse<String> plain = get(plainPort, path);
        HttpResponse<String> starter = get(port, path);

        assertThat(starter.statusCode()).as("status of %s", path).isEqualTo(plain.statusCode());
        assertThat(starter.headers().firstValue("Content-Type")).as("Content-Type of %s", path)
                .isEqualTo(plain.headers().firstValue("Content-Type"));
        assertThat(starter.body()).as("body of %s", path).isEqualTo(plain.body());
        assertThat(headerNames(starter)).as("header names of %s", path).isEqualTo(headerNames(plain));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> headerNames(HttpResponse<String> response) {
        Set<String> names = new TreeSet<>();
        for (String name : response.headers().map().keySet()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        names.removeAll(VARYING);
        return names;
    }

}
