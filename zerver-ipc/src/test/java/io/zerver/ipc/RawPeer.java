package io.zerver.ipc;

import io.zerver.ipc.internal.codec.FrameCodec;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A hand-driven client that writes whatever bytes a test wants and reads frames back. */
final class RawPeer implements AutoCloseable {

    private final SocketChannel channel;
    private final Selector selector;
    private ByteBuffer buffered = ByteBuffer.allocate(0);

    private RawPeer(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    static RawPeer connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawPeer(channel);
    }

    /** Connects and completes the handshake: reads the server's Hello, sends ours. */
    static RawPeer handshaken(Path socket) throws IOException {
        RawPeer peer = connect(socket);
        Frame hello = peer.read(Duration.ofSeconds(5));
        if (!(hello instanceof Hello)) {
            throw new AssertionError("expected hello, got " + hello);
        }
        peer.send(new Hello(Hello.CURRENT_VERSION, FrameCodec.DEFAULT_MAX_FRAME_BYTES));
        return peer;
    }

    void send(Frame frame) throws IOException {
        send(FrameCodec.encode(frame));
    }

    void send(byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** The next frame, or null when the server closed the connection first. */
    @Nullable Frame read(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (buffered.remaining() >= 4) {
                int length = buffered.getInt(buffered.position());
                if (buffered.remaining() >= 4 + length) {
                    byte[] frame = new byte[4 + length];
                    buffered.get(frame);
                    return FrameCodec.decode(frame, Integer.MAX_VALUE);
                }
            }
            if (!fill(deadline)) {
                return null;
            }
        }
    }

    /** Whether the server closes the connection within {@code timeout}, skipping frames until then. */
    boolean closedByServer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (read(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))) != null) {
                // skip
            }
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }

    private boolean fill(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new AssertionError("nothing from the server in time");
        }
        selector.select(left);
        selector.selectedKeys().clear();
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        int n;
        try {
            n = channel.read(chunk);
        } catch (IOException reset) {
            return false;
        }
        if (n < 0) {
            return false;
        }
        chunk.flip();
        ByteBuffer merged = ByteBuffer.allocate(buffered.remaining() + chunk.remaining());
        merged.put(buffered).put(chunk).flip();
        buffered = merged;
        return true;
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
