package io.zerver.ipc;

import static io.zerver.ipc.LinkTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.client.PooledLinkClient;
import io.zerver.ipc.internal.codec.FrameCodec;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hand-driven supervisor that breaks the protocol: the client drops that connection and reconnects. */
@Timeout(20)
class ClientMalformedInputTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private PooledLinkClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void answersGarbageWithAProtocolErrorClosesAndReconnects() throws IOException {
        try (ServerSocketChannel supervisor = listen()) {
            client = PooledLinkClient.connect(LinkClientOptions.of(dir.resolve("s")).withPoolSize(1));
            try (SocketChannel first = supervisor.accept()) {
                handshake(first, Hello.CURRENT_VERSION);
                await(client::isConnected, WAIT, "client connected");

                write(first, HexFormat.of().parseHex("0000000142"));

                assertThat(read(first)).isEqualTo(new ErrorFrame(0, ErrorCode.PROTOCOL, "unknown frame type 0x42"));
                assertThat(read(first)).as("client closed the connection").isNull();
            }
            assertThat(client.stats().protocolErrors()).isEqualTo(1);

            try (SocketChannel second = supervisor.accept()) {
                handshake(second, Hello.CURRENT_VERSION);
                await(client::isConnected, WAIT, "client reconnected");
            }
        }
    }

    @Test
    void refusesAServerSpeakingAnotherVersion() throws IOException {
        try (ServerSocketChannel supervisor = listen()) {
            client = PooledLinkClient.connect(LinkClientOptions.of(dir.resolve("s")).withPoolSize(1));
            try (SocketChannel connection = supervisor.accept()) {
                handshake(connection, 1);

                assertThat(read(connection)).isEqualTo(new ErrorFrame(0, ErrorCode.PROTOCOL,
                        "unsupported version 1 (expected: 2)"));
                assertThat(read(connection)).isNull();
            }
            assertThat(client.isConnected()).isFalse();
        }
    }

    private ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("s")));
        return server;
    }

    private static void handshake(SocketChannel connection, int version) throws IOException {
        write(connection, FrameCodec.encode(new Hello(version, FrameCodec.DEFAULT_MAX_FRAME_BYTES)));
        assertThat(read(connection)).isInstanceOf(Hello.class);
    }

    private static void write(SocketChannel connection, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            connection.write(out);
        }
    }

    /** The next frame, or null at the end of the stream. */
    private static @Nullable Frame read(SocketChannel connection) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        if (!fill(connection, length)) {
            return null;
        }
        ByteBuffer frame = ByteBuffer.allocate(4 + length.getInt(0)).put(length.flip());
        if (!fill(connection, frame)) {
            throw new AssertionError("stream ended inside a frame");
        }
        return FrameCodec.decode(frame.array(), Integer.MAX_VALUE);
    }

    private static boolean fill(SocketChannel connection, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (connection.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
