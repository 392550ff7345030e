package io.zerver.ingest.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.zerver.core.http.Response;
import java.util.concurrent.TimeUnit;

/**
 * The ingest's own answer to a request it refused, and the gentle close that follows it: the
 * answer is flushed, our side shut for writing, the client's further bytes read and dropped for
 * up to {@link #LINGER_NANOS}, then the connection closed. A client still sending a body it was
 * refused so reads its answer instead of a reset.
 */
final class RejectionResponse {

    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private RejectionResponse() {
    }

    /** Writes {@code rejection}'s answer, with {@code Connection: close}, then lingers and closes. */
    static void send(ChannelHandlerContext ctx, Rejection rejection, String requestId) {
        Response rendered = ErrorResponses.render(rejection.error(), rejection.status(), requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rejection.status()), Unpooled.wrappedBuffer(rendered.body()));
        rendered.headers().forEach(response.headers()::add);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, rendered.body().length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
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
}
