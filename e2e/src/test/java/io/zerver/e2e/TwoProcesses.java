package io.zerver.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The supervisor and the ingest as the real jars users run, each its own JVM, joined by a Unix
 * domain socket in a fresh directory, with the sample features (todos, blog, echo) in the
 * features directory. Logs go next to them ({@code supervisor.log}, {@code ingest.log}).
 */
final class TwoProcesses implements AutoCloseable {

    private static final Path APPS = Path.of("target/apps");
    private static final Duration START = Duration.ofSeconds(90);

    final Path root;
    final Path socket;
    final Path features;
    final int ingestPort;
    final int ingestManagementPort;
    final int supervisorPort;
    private Process supervisor;
    private Process ingest;
    private int supervisorStarts;

    private TwoProcesses(Path root) throws IOException {
        this.root = root;
        this.socket = Files.createTempDirectory(Path.of("/tmp"), "ze").resolve("link.sock");
        this.features = Files.createDirectories(root.resolve("features"));
        for (String jar : List.of("todos.jar", "blog.jar", "echo.jar")) {
            Files.copy(APPS.resolve(jar), features.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
        }
        this.ingestPort = freePort();
        this.ingestManagementPort = freePort();
        this.supervisorPort = freePort();
    }

    /** Starts the supervisor, then the ingest, and waits until both are ready. */
    static TwoProcesses start() {
        try {
            TwoProcesses apps = new TwoProcesses(Files.createTempDirectory("zerver-e2e"));
            apps.startSupervisor();
            apps.startIngest();
            return apps;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String ingestUrl() {
        return "http://127.0.0.1:" + ingestPort;
    }

    void startSupervisor() throws IOException {
        supervisorStarts++;
        supervisor = launch("supervisor", List.of("-jar", APPS.resolve("supervisor.jar").toAbsolutePath().toString(),
                "--management.server.port=" + supervisorPort,
                "--zerver.ipc.socket=" + socket,
                "--zerver.features.dir=" + features,
                "--zerver.data.dir=" + root.resolve("data"),
                // Room for the 16 MiB bodies the ingest lets through.
                "--zerver.limits.max-body-size=17MB"),
                root.resolve("supervisor-" + supervisorStarts + ".log"));
        awaitReady(supervisor, "http://127.0.0.1:" + supervisorPort + "/actuator/health/readiness");
    }

    private void startIngest() throws IOException {
        ingest = launch("ingest", List.of("-jar", APPS.resolve("ingest.jar").toAbsolutePath().toString(),
                "--server.port=" + ingestPort,
                "--management.server.port=" + ingestManagementPort,
                "--zerver.ipc.socket=" + socket),
                root.resolve("ingest.log"));
        awaitReady(ingest, "http://127.0.0.1:" + ingestManagementPort + "/actuator/health/readiness");
    }

    /** Kills the supervisor with SIGKILL and waits until it is gone. */
    void killSupervisor() throws InterruptedException {
        supervisor.destroyForcibly();
        supervisor.waitFor(30, TimeUnit.SECONDS);
    }

    boolean ingestReady() {
        return status("http://127.0.0.1:" + ingestManagementPort + "/actuator/health/readiness") == 200;
    }

    private static Process launch(String name, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(Process process, String url) {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process for " + url + " exited with " + process.exitValue());
            }
            if (status(url) == 200) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(url + " not ready after " + START);
    }

    static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops both (SIGTERM, so they drain), keeps their logs under target/e2e-logs, deletes the rest. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] { ingest, supervisor }) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        try {
            Path logs = Files.createDirectories(Path.of("target/e2e-logs").resolve(root.getFileName()));
            try (var files = Files.list(root)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            FileSystemUtils.deleteRecursively(root);
            FileSystemUtils.deleteRecursively(socket.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
