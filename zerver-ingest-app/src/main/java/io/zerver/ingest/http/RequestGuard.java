package io.zerver.ingest.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.zerver.core.http.RequestIds;
import io.zerver.core.http.Response;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Sits right after the HTTP decoder and lets a request on only when it is whole and clean: the
 * head passes {@link RequestChecks}, the body arrives within its limits and deadline, and only
 * then do the head and the whole body go on (as one last content) to Reactor Netty and the
 * forwarder. A request that fails is answered here with its {@link Rejection}; nothing of it goes
 * on, so nothing of it crosses the link.
 *
 * <p>One request goes on at a time: while its answer is pending, whatever the client pipelines is
 * held (and no more is read), so answers keep the requests' order, a rejection included.
 *
 * <p>Every rejection closes the connection, and closes it gently: the answer is flushed, our
 * side shut for writing, the client's further bytes read and dropped for up to
 * {@link #LINGER_NANOS}, then the connection closed. A client still sending a body it was refused
 * so reads its answer instead of a reset. Event loop only.
 */
final class RequestGuard extends ChannelDuplexHandler {

    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final String REQUEST_TIMEOUT_HEADER = "X-Request-Timeout";

    private final IngestLimits limits;
    private final IngestMetrics metrics;
    private final long readTimeoutNanos;
    private final long requestTimeoutNanos;
    private final ReadClock clock = new ReadClock(this::onFirstByte);
    private final ArrayDeque<Object> held = new ArrayDeque<>();

    private @Nullable ChannelHandlerContext ctx;
    private @Nullable HttpRequest head;
    private @Nullable RequestMeta meta;
    private @Nullable CompositeByteBuf body;
    private long bodyBytes;
    private boolean answerPending;
    private boolean closing;
    private @Nullable Rejection deferred;
    private String deferredId = "";
    private @Nullable ScheduledFuture<?> timer;
    private long timerDueNanos;

    RequestGuard(IngestLimits limits, IngestMetrics metrics) {
        this.limits = limits;
        this.metrics = metrics;
        this.readTimeoutNanos = limits.readTimeout().toNanos();
        this.requestTimeoutNanos = limits.requestTimeout().toNanos();
    }

    /** The clock to place before the decoder. */
    ReadClock clock() {
        return clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (answerPending || !held.isEmpty()) {
            held.add(msg);
            return;
        }
        accept(ctx, msg);
    }

    /**
     * Reactor Netty reads on demand (auto-read off) and asks for more only for requests it has
     * seen: while this guard takes a body in without handing anything on, it asks itself.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (head != null && !answerPending && !closing) {
            ctx.read();
        }
        ctx.fireChannelReadComplete();
    }

    /** While an answer is pending the client's further requests wait on the socket, not in memory. */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (answerPending || !held.isEmpty()) {
            return;
        }
        ctx.read();
    }

    private void accept(ChannelHandlerContext ctx, Object msg) {
        boolean kept = false;
        try {
            if (msg instanceof HttpRequest request) {
                onHead(ctx, request);
            }
            if (msg instanceof HttpContent content && head != null && !closing) {
                kept = true;
                onContent(ctx, content);
            }
        } finally {
            if (!kept) {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest request) {
        List<String> offered = request.headers().getAll(RequestIds.HEADER);
        boolean trusted = offered.size() == 1 && RequestIds.isWellFormed(offered.get(0));
        String id = trusted ? offered.get(0) : RequestIds.generate(ThreadLocalRandom.current());
        Rejection rejection = request.decoderResult().isFailure()
                ? RequestChecks.ofDecoderFailure(request.decoderResult(), request)
                : RequestChecks.check(request, limits);
        if (rejection != null) {
            reject(ctx, rejection, id);
            return;
        }
        if (!trusted) {
            request.headers().set(RequestIds.HEADER, id);
        }
        long now = System.nanoTime();
        long deadline = now + timeoutNanos(request.headers().get(REQUEST_TIMEOUT_HEADER));
        meta = new RequestMeta(id, System.currentTimeMillis(), now, deadline);
        head = request;
        bodyBytes = 0;
        if (HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        armTimer(deadline);
    }

    /** The request timeout, or the client's shorter {@code X-Request-Timeout} (whole milliseconds, > 0). */
    private long timeoutNanos(@Nullable String header) {
        if (header == null || header.isEmpty() || header.length() > 9) {
            return requestTimeoutNanos;
        }
        long millis = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return requestTimeoutNanos;
            }
            millis = millis * 10 + (c - '0');
        }
        return millis == 0 ? requestTimeoutNanos : Math.min(requestTimeoutNanos, millis * 1_000_000);
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        RequestMeta current = meta;
        if (content.decoderResult().isFailure()) {
            content.release();
            reject(ctx, Rejection.MALFORMED, current == null ? RequestIds.generate(ThreadLocalRandom.current()) : current.requestId());
            return;
        }
        ByteBuf bytes = content.content();
        int size = bytes.readableBytes();
        if (bodyBytes + size > limits.maxBodyBytes()) {
            content.release();
            reject(ctx, Rejection.BODY_TOO_LARGE, current == null ? RequestIds.generate(ThreadLocalRandom.current()) : current.requestId());
            return;
        }
        if (size > 0) {
            CompositeByteBuf into = body;
            if (into == null) {
                into = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                body = into;
            }
            into.addComponent(true, bytes.retain());
            bodyBytes += size;
        }
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
            handOn(ctx);
        }
    }

    private void handOn(ChannelHandlerContext ctx) {
        HttpRequest request = head;
        ByteBuf whole = body != null ? body : Unpooled.EMPTY_BUFFER;
        head = null;
        body = null;
        clock.requestReceived();
        answerPending = true;
        ctx.channel().attr(RequestMeta.KEY).set(meta);
        ctx.fireChannelRead(request);
        ctx.fireChannelRead(new DefaultLastHttpContent(whole));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            metrics.replied(response.status().code());
        }
        boolean answered = answerPending && msg instanceof LastHttpContent;
        ctx.write(msg, promise);
        if (answered) {
            answerPending = false;
            ctx.channel().attr(RequestMeta.KEY).set(null);
            ctx.executor().execute(this::resume);
        }
    }

    /** The pending answer is written: send a deferred rejection, or go on with what was held. */
    private void resume() {
        ChannelHandlerContext context = ctx;
        if (context == null || answerPending) {
            return;
        }
        Rejection rejection = deferred;
        if (rejection != null) {
            deferred = null;
            answer(context, rejection, deferredId);
            return;
        }
        if (closing) {
            return;
        }
        clock.restart();
        if (clock.receiving()) {
            armTimer(System.nanoTime() + readTimeoutNanos);
        }
        while (!answerPending && !closing && !held.isEmpty()) {
            accept(context, held.poll());
        }
        if (!answerPending && !closing) {
            context.read();
        }
    }

    private void reject(ChannelHandlerContext ctx, Rejection rejection, String requestId) {
        metrics.rejected(rejection);
        closing = true;
        discard();
        cancelTimer();
        ctx.channel().config().setAutoRead(true);
        if (answerPending) {
            deferred = rejection;
            deferredId = requestId;
            return;
        }
        answer(ctx, rejection, requestId);
    }

    private void answer(ChannelHandlerContext ctx, Rejection rejection, String requestId) {
        Response rendered = ErrorResponses.render(rejection.error(), rejection.status(), requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rejection.status()), Unpooled.wrappedBuffer(rendered.body()));
        rendered.headers().forEach(response.headers()::add);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, rendered.body().length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        metrics.replied(rejection.status());
        ctx.writeAndFlush(response).addListener(written -> linger(ctx.channel()));
    }

    private static void linger(Channel channel) {
        if (!(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.close();
            return;
        }
        duplex.shutdownOutput();
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, LINGER_NANOS, TimeUnit.NANOSECONDS);
    }

    private void onFirstByte() {
        armTimer(System.nanoTime() + readTimeoutNanos);
    }

    private void armTimer(long dueNanos) {
        ChannelHandlerContext context = ctx;
        if (context == null || closing) {
            return;
        }
        ScheduledFuture<?> current = timer;
        if (current != null) {
            if (timerDueNanos - dueNanos <= 0) {
                return;
            }
            current.cancel(false);
        }
        timerDueNanos = dueNanos;
        timer = context.executor().schedule(this::checkTimeouts, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        ScheduledFuture<?> current = timer;
        timer = null;
        if (current != null) {
            current.cancel(false);
        }
    }

    /**
     * A request being received must keep coming: its head within the read timeout of its first
     * byte, no silence longer than the read timeout, and its body before its deadline. Time spent
     * waiting on our own pending answer does not count against the client.
     */
    private void checkTimeouts() {
        timer = null;
        ChannelHandlerContext context = ctx;
        if (context == null || closing || answerPending || !held.isEmpty() || !clock.receiving()) {
            return;
        }
        RequestMeta current = meta;
        long now = System.nanoTime();
        long limit = head != null && current != null ? current.deadlineNanos()
                : clock.startNanos() + readTimeoutNanos;
        long due = Math.min(clock.lastReadNanos() + readTimeoutNanos, limit);
        if (now - due >= 0) {
            reject(context, Rejection.READ_TIMEOUT,
                    head != null && current != null ? current.requestId() : RequestIds.generate(ThreadLocalRandom.current()));
            return;
        }
        armTimer(due);
    }

    private void discard() {
        head = null;
        CompositeByteBuf partial = body;
        body = null;
        if (partial != null) {
            partial.release();
        }
        Object msg;
        while ((msg = held.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        cancelTimer();
        discard();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimer();
        discard();
    }
}
