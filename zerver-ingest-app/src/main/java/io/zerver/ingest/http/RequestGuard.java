package io.zerver.ingest.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.zerver.core.http.RequestIds;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Sits right after the HTTP decoder and lets a request on only when it is whole and clean: the
 * head passes {@link RequestChecks}, the body arrives within its limits and deadline, and only
 * then does the head go on to Reactor Netty and the forwarder, with the request's facts and its
 * whole body (aggregated once, by a {@link BodyAggregator}) as a {@link GuardedRequest} on the
 * channel. A request that fails is answered here with its {@link Rejection}; nothing of it goes
 * on, so nothing of it crosses the link.
 *
 * <p>One request goes on at a time: while its answer is pending, whatever the client pipelines is
 * held (and no more is read), so answers keep the requests' order, a rejection included.
 *
 * <p>Every rejection closes the connection, gently ({@link RejectionResponse}). Event loop only.
 */
final class RequestGuard extends ChannelDuplexHandler {

    static final String REQUEST_TIMEOUT_HEADER = "X-Request-Timeout";

    private final IngestLimits limits;
    private final IngestMetrics metrics;
    private final long readTimeoutNanos;
    private final long requestTimeoutNanos;
    private final ReadClock clock = new ReadClock(this::onFirstByte);
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private final BodyAggregator body;

    private @Nullable ChannelHandlerContext ctx;
    private @Nullable HttpRequest head;
    private @Nullable GuardedRequest meta;
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
        this.body = new BodyAggregator(limits.maxBodyBytes());
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
        GuardedRequest arrived = GuardedRequest.arrived(id, request.headers().get(REQUEST_TIMEOUT_HEADER),
                requestTimeoutNanos);
        meta = arrived;
        head = request;
        if (HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        armTimer(arrived.deadlineNanos());
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        GuardedRequest current = meta;
        if (content.decoderResult().isFailure()) {
            content.release();
            reject(ctx, Rejection.MALFORMED, current == null ? RequestIds.generate(ThreadLocalRandom.current()) : current.requestId());
            return;
        }
        if (!body.add(ctx.alloc(), content.content())) {
            content.release();
            reject(ctx, Rejection.BODY_TOO_LARGE, current == null ? RequestIds.generate(ThreadLocalRandom.current()) : current.requestId());
            return;
        }
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
            handOn(ctx);
        }
    }

    private void handOn(ChannelHandlerContext ctx) {
        HttpRequest request = head;
        GuardedRequest current = meta;
        head = null;
        clock.requestReceived();
        answerPending = true;
        ctx.channel().attr(GuardedRequest.KEY).set(current == null ? null : current.withBody(body.take()));
        ctx.fireChannelRead(request);
        ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
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
            ctx.channel().attr(GuardedRequest.KEY).set(null);
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
        metrics.replied(rejection.status());
        RejectionResponse.send(ctx, rejection, requestId);
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
        GuardedRequest current = meta;
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
        body.discard();
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
