package io.zerver.ipc.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.zerver.ipc.Drain;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Hello;
import io.zerver.ipc.LinkProtocolException;
import io.zerver.ipc.Ping;
import io.zerver.ipc.Pong;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.internal.codec.FrameDecoder;
import io.zerver.ipc.internal.codec.FrameEncoder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.MonoSink;
import reactor.netty.Connection;

/**
 * The ingest's end of one connection: numbers requests, keeps their sinks by id, completes them
 * as replies arrive in any order, and fails them all when the connection goes.
 */
final class ClientConnection {

    private static final System.Logger LOG = System.getLogger(ClientConnection.class.getName());

    private final Connection connection;
    private final Channel channel;
    private final ClientSlot slot;
    private final FrameEncoder encoder;
    private final AtomicLong nextId = new AtomicLong(1);
    private final ConcurrentHashMap<Long, MonoSink<Reply>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    private volatile boolean ready;
    private volatile boolean draining;

    ClientConnection(Connection connection, ClientSlot slot, int maxFrameBytes) {
        this.connection = connection;
        this.channel = connection.channel();
        this.slot = slot;
        this.encoder = new FrameEncoder(maxFrameBytes);
        connection.addHandlerLast("zerver.link.decoder", new FrameDecoder(maxFrameBytes))
                .addHandlerLast("zerver.link.encoder", encoder);
    }

    /** Says hello and starts reading; the slot hears {@code ready} once the server said hello back. */
    void start(int maxFrameBytes) {
        channel.closeFuture().addListener(f -> onClosed());
        connection.inbound().receiveObject().subscribe(this::onMessage, e -> close(), this::close);
        channel.writeAndFlush(new Hello(Hello.CURRENT_VERSION, maxFrameBytes));
    }

    /** Handshake done, not draining, not closed: new requests may go here. */
    boolean usable() {
        return ready && !draining && channel.isActive();
    }

    /** Whether the calling thread is this connection's event loop. */
    boolean runsOnCurrentThread() {
        return channel.eventLoop().inEventLoop();
    }

    int inFlight() {
        return pending.size();
    }

    void send(RequestFrame request, MonoSink<Reply> sink) {
        long id = nextId.getAndIncrement();
        pending.put(id, sink);
        sink.onCancel(() -> pending.remove(id, sink));
        // The listener goes on the promise before the write: called from another thread, a write
        // can complete on the event loop before addListener, which would then cost the loop a
        // second task (and a second wake-up) per request just to run the listener.
        ChannelPromise written = channel.newPromise();
        written.addListener(f -> {
            if (!f.isSuccess() && pending.remove(id, sink)) {
                sink.error(f.cause() instanceof EncoderException e && e.getCause() instanceof LinkProtocolException p ? p
                        : new LinkUnavailableException("cannot write to the supervisor: " + f.cause(), f.cause()));
            }
        });
        channel.writeAndFlush(request.withId(id), written);
    }

    void close() {
        channel.close();
    }

    private void onMessage(Object message) {
        if (closing.get()) {
            return;
        }
        if (message instanceof LinkProtocolException e) {
            protocolError(e.getMessage());
            return;
        }
        if (!ready) {
            if (message instanceof Hello hello && hello.version() == Hello.CURRENT_VERSION) {
                encoder.peerMaxFrameBytes(hello.maxFrameBytes());
                ready = true;
                slot.ready(this);
            } else if (message instanceof ErrorFrame e && e.id() == 0) {
                serverReported(e);
            } else {
                protocolError(message instanceof Hello hello
                        ? "unsupported version " + hello.version() + " (expected: " + Hello.CURRENT_VERSION + ")"
                        : "expected hello, got " + message);
            }
            return;
        }
        if (message instanceof ErrorFrame e && e.id() == 0) {
            serverReported(e);
        } else if (message instanceof Reply reply) {
            MonoSink<Reply> sink = pending.remove(reply.id());
            if (sink == null) {
                slot.lateReply();
            } else {
                sink.success(reply);
            }
            closeIfDrained();
        } else if (message instanceof Ping ping) {
            channel.writeAndFlush(new Pong(ping.nonce()));
        } else if (message instanceof Drain) {
            draining = true;
            slot.draining(this);
            closeIfDrained();
        } else if (!(message instanceof Pong)) {
            protocolError("unexpected " + message + " from the server");
        }
    }

    private void closeIfDrained() {
        if (draining && pending.isEmpty()) {
            channel.close();
        }
    }

    private void serverReported(ErrorFrame error) {
        closing.set(true);
        slot.protocolError();
        LOG.log(System.Logger.Level.WARNING, "link: the supervisor closed a connection with a protocol error: "
                + error.message());
        channel.close();
    }

    private void protocolError(String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        slot.protocolError();
        LOG.log(System.Logger.Level.WARNING, "link: closing a connection to the supervisor after a protocol error: "
                + reason);
        channel.writeAndFlush(new ErrorFrame(0, ErrorCode.PROTOCOL, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    private void onClosed() {
        ready = false;
        LinkUnavailableException lost = new LinkUnavailableException("the connection to the supervisor closed"
                + (draining ? " after it drained" : ""));
        pending.forEach((id, sink) -> {
            if (pending.remove(id, sink)) {
                sink.error(lost);
            }
        });
        slot.closed(this);
    }
}
