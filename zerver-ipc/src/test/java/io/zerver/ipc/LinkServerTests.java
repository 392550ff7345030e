package io.zerver.ipc;

import static io.zerver.ipc.LinkTesting.body;
import static io.zerver.ipc.LinkTesting.connectedClient;
import static io.zerver.ipc.LinkTesting.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zerver.ipc.client.PooledLinkClient;
import io.zerver.ipc.server.LinkBindException;
import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class LinkServerTests {

    @TempDir
    Path dir;

    private LinkServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void createsTheSocketFileOwnerOnly() throws IOException {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        assertThat(Files.getPosixFilePermissions(server.socket()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary name left behind").containsExactly(server.socket());
        }
    }

    @Test
    void keepsOtherUsersOut() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run a probe as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs runuser and /usr/bin/python3");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        assertThat(connectAsNobody(server.socket())).as("nobody connecting to the 0600 socket").contains("PermissionError");

        Files.setPosixFilePermissions(server.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(connectAsNobody(server.socket())).as("control: the same probe once the mode allows it").isEqualTo("connected");
    }

    @Test
    void replacesAStaleSocketFile() throws IOException {
        Path socket = dir.resolve("s");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).as("a socket file nobody listens on").exists();

        server = LinkServer.bind(socket, LinkTesting::echo, LinkServerOptions.defaults());

        try (PooledLinkClient client = connectedClient(socket, 1)) {
            assertThat(body(client.exchange(get("/after-stale")).block(Duration.ofSeconds(5)))).isEqualTo("/after-stale");
        }
    }

    @Test
    void neverTakesOverALiveServer() {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        assertThatThrownBy(() -> LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults()))
                .isInstanceOf(LinkBindException.class)
                .hasMessageContaining("a live server answers on " + server.socket());

        try (PooledLinkClient client = connectedClient(server.socket(), 1)) {
            assertThat(body(client.exchange(get("/still-mine")).block(Duration.ofSeconds(5)))).isEqualTo("/still-mine");
        }
    }

    @Test
    void refusesAPathThatIsNotASocket() throws IOException {
        Path file = Files.writeString(dir.resolve("s"), "precious");

        assertThatThrownBy(() -> LinkServer.bind(file, LinkTesting::echo, LinkServerOptions.defaults()))
                .isInstanceOf(LinkBindException.class)
                .hasMessageContaining("exists and is not a socket");
        assertThat(file).hasContent("precious");
    }

    @Test
    void refusesAPathTooLongForAUnixSocket() {
        Path deep = dir.resolve("d".repeat(120));

        assertThatThrownBy(() -> LinkServer.bind(deep, LinkTesting::echo, LinkServerOptions.defaults()))
                .isInstanceOf(LinkBindException.class)
                .hasMessageContaining("longer than 107 bytes");
    }

    @Test
    void answersPingWithPong() throws IOException {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(new Ping(42));

            assertThat(peer.read(Duration.ofSeconds(5))).isEqualTo(new Pong(42));
        }
    }

    @Test
    void closesAConnectionWhoseClientEndedItsInputAtAFrameBoundary() throws IOException {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(get("/last").withId(1));
            peer.shutdownOutput();

            assertThat(peer.read(Duration.ofSeconds(5))).as("the reply in flight still comes")
                    .isInstanceOfSatisfying(ResponseFrame.class, r -> assertThat(body(r)).isEqualTo("/last"));
            assertThat(peer.closedByServer(Duration.ofSeconds(5))).as("then the server closes").isTrue();
        }
        LinkTesting.await(() -> server.stats().connections() == 0, Duration.ofSeconds(5), "connection forgotten");
    }

    @Test
    void forgetsClientsThatCloseCleanlyAfterTheirHandshake() throws IOException {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        for (int i = 0; i < 5; i++) {
            try (RawPeer peer = RawPeer.handshaken(server.socket())) {
                peer.send(new Ping(i));
                assertThat(peer.read(Duration.ofSeconds(5))).isEqualTo(new Pong(i));
            }
        }

        LinkTesting.await(() -> server.stats().connections() == 0, Duration.ofSeconds(5),
                "every cleanly closed connection forgotten");
    }

    @Test
    void answersAFailingHandlerWithAnInternalError() {
        server = LinkServer.bind(dir.resolve("s"), request -> {
            switch (request.target()) {
                case "/throw":
                    throw new IllegalStateException("boom");
                case "/error":
                    return Mono.error(new IllegalStateException("boom"));
                case "/empty":
                    return Mono.empty();
                default:
                    return Mono.just(new ErrorFrame(request.id() + 1, ErrorCode.TIMEOUT, "wrong id"));
            }
        }, LinkServerOptions.defaults());

        try (PooledLinkClient client = connectedClient(server.socket(), 1)) {
            for (String target : new String[] {"/throw", "/error", "/empty", "/wrong-id"}) {
                Reply reply = client.exchange(get(target)).block(Duration.ofSeconds(5));
                assertThat(reply).as(target).isInstanceOfSatisfying(ErrorFrame.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
            }
            assertThat(client.stats().connections()).as("the connection survives").isEqualTo(1);
        }
    }

    @Test
    void stampsTheTimeSpentOnAResponse() {
        server = LinkServer.bind(dir.resolve("s"), request -> Mono.delay(Duration.ofMillis(30))
                .then(LinkTesting.echo(request)), LinkServerOptions.defaults());

        try (PooledLinkClient client = connectedClient(server.socket(), 1)) {
            ResponseFrame response = (ResponseFrame) client.exchange(get("/t")).block(Duration.ofSeconds(5));

            assertThat(response.processingMicros()).isBetween(30_000L, 5_000_000L);
        }
    }

    @Test
    void deletesItsSocketFileWhenDisposed() {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());

        server.disposeNow();

        assertThat(dir.resolve("s")).doesNotExist();
    }

    private static String connectAsNobody(Path socket) throws Exception {
        Process probe = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/python3", "-c",
                "import socket,sys\n"
                        + "s=socket.socket(socket.AF_UNIX)\n"
                        + "try:\n  s.connect(sys.argv[1]); print('connected')\n"
                        + "except Exception as e: print(type(e).__name__)\n",
                socket.toString()).redirectErrorStream(true).start();
        assertThat(probe.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(probe.getInputStream().readAllBytes()).trim();
    }
}
