package io.zerver.ipc.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
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
import io.zerver.ipc.ResponseFrame;
import io.zerver.ipc.internal.codec.FrameDecoder;
import io.zerver.ipc.internal.codec.FrameEncoder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * The supervisor's end of one connection: handshake, one handler call per request, replies
 * written as they complete, Pong for Ping, and a protocol error that closes only this
 * connection. Inbound frames arrive on the channel's event loop; replies complete anywhere.
 */
final class ServerConnection {

    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());

    private final Connection connection;
    private final Channel channel;
    private final LinkHandler handler;
    private final LinkServer server;
    private final FrameEncoder encoder;
    private final ConcurrentHashMap<Long, PendingRequest> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final @Nullable ScheduledFuture<?> handshakeTimer;

    private volatile boolean handshaken;
    private volatile boolean draining;
    private volatile boolean inputEnded;

    ServerConnection(Connection connection, LinkHandler handler, LinkServerOptions options, LinkServer server) {
        this.connection = connection;
        this.channel = connection.channel();
        this.handler = handler;
        this.server = server;
        this.encoder = new FrameEncoder(options.maxFrameBytes());
        connection.addHandlerLast("zerver.link.decoder", new FrameDecoder(options.maxFrameBytes()))
                .addHandlerLast("zerver.link.inputEnd", new InputEnd(this::inputEnded))
                .addHandlerLast("zerver.link.encoder", encoder);
        channel.writeAndFlush(new Hello(Hello.CURRENT_VERSION, options.maxFrameBytes()));
        long timeout = options.handshakeTimeout().toNanos();
        this.handshakeTimer = channel.eventLoop().schedule(() -> {
            if (!handshaken) {
                protocolError("no hello within " + options.handshakeTimeout().toMillis() + " ms");
            }
        }, timeout, TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> onClosed());
    }

    /** Reads until the peer or this side closes; completes when the channel is closed. */
    Mono<Void> serve() {
        server.accepted(this);
        if (!channel.isOpen()) {
            server.disconnected(this);
        }
        connection.inbound().receiveObject().subscribe(this::onMessage, e -> close(), this::inputEnded);
        return connection.onDispose();
    }

    boolean handshaken() {
        return handshaken;
    }

    int inFlight() {
        return inFlight.size();
    }

    Mono<Void> onClose() {
        return connection.onDispose();
    }

    /** Tells the client to send no more, answers what is in flight, then closes. */
    void drain() {
        draining = true;
        channel.writeAndFlush(new Drain()).addListener(f -> closeIfDrained());
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
        if (!handshaken) {
            if (message instanceof Hello hello) {
                handshake(hello);
            } else {
                protocolError("expected hello, got " + message);
            }
            return;
        }
        if (message instanceof RequestFrame request) {
            dispatch(request);
        } else if (message instanceof Ping ping) {
            channel.writeAndFlush(new Pong(ping.nonce()));
        } else if (message instanceof Pong || message instanceof Drain) {
            // a Pong nobody asked for, or a client telling it will stop: nothing to do
        } else {
            protocolError("unexpected " + message + " from a client");
        }
    }

    private void handshake(Hello hello) {
        if (hello.version() != Hello.CURRENT_VERSION) {
            protocolError("unsupported version " + hello.version() + " (expected: " + Hello.CURRENT_VERSION + ")");
            return;
        }
        encoder.peerMaxFrameBytes(hello.maxFrameBytes());
        handshaken = true;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
    }

    private void dispatch(RequestFrame request) {
        long id = request.id();
        if (id == 0) {
            protocolError("request id 0 is reserved");
            return;
        }
        PendingRequest pending = new PendingRequest();
        if (inFlight.putIfAbsent(id, pending) != null) {
            protocolError("request id " + id + " is already in flight");
            return;
        }
        long start = System.nanoTime();
        Mono<Reply> reply;
        try {
            reply = handler.handle(request);
        } catch (RuntimeException e) {
            reply = Mono.error(e);
        }
        pending.subscription.update(reply.subscribe(
                r -> answer(id, pending, r.id() == id ? stamp(r, start)
                        : new ErrorFrame(id, ErrorCode.INTERNAL, "handler answered request " + id + " with id " + r.id())),
                e -> answer(id, pending, failure(id, e)),
                () -> answer(id, pending, new ErrorFrame(id, ErrorCode.INTERNAL, "handler gave no reply"))));
    }

    /** Writes the first answer; the request stays in flight until its reply is written. */
    private void answer(long id, PendingRequest pending, Reply reply) {
        if (!pending.firstAnswer()) {
            return;
        }
        // Replies complete on other threads (a JDBC thread, say). The listener goes on the promise
        // before the write: added after, it can find the write already completed by the event
        // loop and then costs the loop a second task, and a second wake-up, per request.
        ChannelPromise written = channel.newPromise();
        written.addListener(f -> {
            if (!f.isSuccess() && f.cause() instanceof EncoderException e
                    && e.getCause() instanceof LinkProtocolException tooLarge && channel.isActive()) {
                channel.writeAndFlush(new ErrorFrame(id, ErrorCode.INTERNAL, tooLarge.getMessage()))
                        .addListener(g -> done(id, pending));
            } else {
                done(id, pending);
            }
        });
        channel.writeAndFlush(reply, written);
    }

    private void done(long id, PendingRequest pending) {
        inFlight.remove(id, pending);
        closeIfDrained();
    }

    /** The client sent its last byte: answer what is in flight, then close. */
    private void inputEnded() {
        inputEnded = true;
        if (!closing.get()) {
            closeIfDrained();
        }
    }

    private void closeIfDrained() {
        if ((draining || inputEnded) && inFlight.isEmpty()) {
            channel.close();
        }
    }

    private void protocolError(String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        server.protocolError();
        LOG.log(System.Logger.Level.WARNING, "link: closing a connection on " + server.socket() + " after a protocol error: "
                + reason);
        if (channel.isActive()) {
            channel.writeAndFlush(new ErrorFrame(0, ErrorCode.PROTOCOL, reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    private void onClosed() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        inFlight.forEach((id, pending) -> pending.subscription.dispose());
        inFlight.clear();
        server.disconnected(this);
    }

    private static Reply stamp(Reply reply, long startNanos) {
        if (reply instanceof ResponseFrame r) {
            long micros = (System.nanoTime() - startNanos) / 1000;
            return new ResponseFrame(r.id(), r.status(), r.headers(), r.body(), micros);
        }
        return reply;
    }

    private static ErrorFrame failure(long id, Throwable e) {
        return new ErrorFrame(id, ErrorCode.INTERNAL, "handler failed: " + e.getClass().getSimpleName());
    }

    /**
     * Reports the end of the client's input under half-closure (the native transport): Reactor
     * Netty ignores that event, so without this a client that ends its input at a frame boundary,
     * as any exiting process does, would stay connected (and counted) forever. The decoder sees
     * the event first, so a frame cut short is still a protocol error.
     */
    private static final class InputEnd extends ChannelInboundHandlerAdapter {

        private final Runnable onEnd;

        InputEnd(Runnable onEnd) {
            this.onEnd = onEnd;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                onEnd.run();
            }
            ctx.fireUserEventTriggered(event);
        }
    }

    /**
     * A request being handled: the handler's subscription, and whether a reply has been taken
     * for it (the flag is the object itself, one allocation per request).
     */
    private static final class PendingRequest extends AtomicBoolean {

        private static final long serialVersionUID = 1L;

        final Disposable.Swap subscription = Disposables.swap();

        /** True for the first reply only: the handler's answer, its error or its empty completion. */
        boolean firstAnswer() {
            return compareAndSet(false, true);
        }
    }
}
