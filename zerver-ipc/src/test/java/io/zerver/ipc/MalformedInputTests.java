package io.zerver.ipc;

import static io.zerver.ipc.LinkTesting.body;
import static io.zerver.ipc.LinkTesting.connectedClient;
import static io.zerver.ipc.LinkTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.ipc.client.PooledLinkClient;
import io.zerver.ipc.internal.Transport;
import io.zerver.ipc.internal.codec.FrameCodec;
import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Each kind of bad input gets {@code ErrorFrame(0, PROTOCOL, reason)} and a close of that
 * connection only: a pooled client on the same server keeps working throughout.
 */
class MalformedInputTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private LinkServer server;
    private PooledLinkClient bystander;

    @BeforeEach
    void setUp() {
        server = LinkServer.bind(dir.resolve("s"), request -> request.target().equals("/never") ? Mono.never()
                : LinkTesting.echo(request), LinkServerOptions.defaults().withHandshakeTimeout(Duration.ofMillis(300)));
        bystander = connectedClient(server.socket(), 1);
    }

    @AfterEach
    void tearDown() {
        bystander.close();
        server.disposeNow();
    }

    @Test
    void closesOnALengthOfZero() throws IOException {
        assertProtocolErrorAfter(hex("00 00 00 00"), "frame length 0");
    }

    @Test
    void closesOnALengthOverTheLimit() throws IOException {
        assertProtocolErrorAfter(hex("01 00 00 01 02"), "frame length 16777217 exceeds the limit of 16777216");
    }

    @Test
    void closesOnALengthClaimingFourGibibytes() throws IOException {
        assertProtocolErrorAfter(hex("ff ff ff ff 02"), "frame length 4294967295 exceeds the limit");
    }

    @Test
    void closesOnAnUnknownType() throws IOException {
        assertProtocolErrorAfter(hex("00 00 00 01 42"), "unknown frame type 0x42");
    }

    @Test
    void closesOnAFrameTooShortForItsType() throws IOException {
        assertProtocolErrorAfter(hex("00 00 00 03 02 00 00"), "request: id needs 8 bytes, 2 left");
    }

    @Test
    void closesOnAFrameTruncatedByTheEndOfInput() throws IOException {
        byte[] ping = FrameCodec.encode(new Ping(1));
        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(Arrays.copyOf(ping, ping.length - 3));
            peer.shutdownOutput();

            if (Transport.isNative()) {
                assertProtocolError(peer, "input ended inside a frame");
            } else {
                // Netty's NIO domain socket channel has no half-closure: it closes as soon as the
                // input ends, so the error can only be logged and counted, not sent
                assertThat(peer.closedByServer(WAIT)).isTrue();
                LinkTesting.await(() -> server.stats().protocolErrors() == 1, WAIT, "protocol error counted");
            }
        }
        assertBystanderWorks();
    }

    @Test
    void closesOnADuplicateInFlightId() throws IOException {
        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(get("/never").withId(5));
            peer.send(get("/never").withId(5));

            assertProtocolError(peer, "request id 5 is already in flight");
        }
        assertBystanderWorks();
    }

    @Test
    void closesOnRequestIdZero() throws IOException {
        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(get("/x").withId(0));

            assertProtocolError(peer, "request id 0 is reserved");
        }
    }

    @Test
    void closesOnAnotherProtocolVersion() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.socket())) {
            assertThat(peer.read(WAIT)).isInstanceOf(Hello.class);
            peer.send(new Hello(1, 1 << 20));

            assertProtocolError(peer, "unsupported version 1 (expected: 2)");
        }
        assertBystanderWorks();
    }

    @Test
    void closesOnARequestBeforeTheHandshake() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.socket())) {
            peer.send(get("/x").withId(1));

            assertThat(peer.read(WAIT)).isInstanceOf(Hello.class);
            assertProtocolError(peer, "expected hello");
        }
    }

    @Test
    void closesAConnectionThatNeverSaysHello() throws IOException {
        try (RawPeer peer = RawPeer.connect(server.socket())) {
            assertThat(peer.read(WAIT)).isInstanceOf(Hello.class);

            assertProtocolError(peer, "no hello within 300 ms");
        }
    }

    @Test
    void closesOnAReplySentByAClient() throws IOException {
        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(new ErrorFrame(3, ErrorCode.INTERNAL, "?"));

            assertProtocolError(peer, "unexpected ErrorFrame");
        }
    }

    @Test
    void answersValidFramesThatPrecedeTheBadOne() throws IOException {
        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(FrameCodecBytes.concat(FrameCodec.encode(new Ping(7)), hex("00 00 00 01 42")));

            assertThat(peer.read(WAIT)).isEqualTo(new Pong(7));
            assertProtocolError(peer, "unknown frame type 0x42");
        }
    }

    private void assertProtocolErrorAfter(byte[] bytes, String reason) throws IOException {
        try (RawPeer peer = RawPeer.handshaken(server.socket())) {
            peer.send(bytes);

            assertProtocolError(peer, reason);
        }
        assertBystanderWorks();
    }

    private void assertProtocolError(RawPeer peer, String reason) throws IOException {
        long before = server.stats().protocolErrors();
        Frame frame = peer.read(WAIT);
        assertThat(frame).isInstanceOfSatisfying(ErrorFrame.class, e -> {
            assertThat(e.id()).isZero();
            assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL);
            assertThat(e.message()).contains(reason);
        });
        assertThat(peer.closedByServer(WAIT)).as("server closed the connection").isTrue();
        assertThat(server.stats().protocolErrors()).isGreaterThanOrEqualTo(Math.max(1, before));
    }

    private void assertBystanderWorks() {
        assertThat(body(bystander.exchange(get("/alive")).block(WAIT))).isEqualTo("/alive");
        assertThat(bystander.stats().protocolErrors()).isZero();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
