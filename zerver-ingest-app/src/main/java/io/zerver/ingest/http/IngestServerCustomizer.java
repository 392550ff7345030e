package io.zerver.ingest.http;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Makes Boot's Reactor Netty server the ingest: TCP_NODELAY and keep-alive on, the idle timeout,
 * and on every connection the request hygiene of docs/deployment.md.
 *
 * <p>Reactor Netty's HTTP/1.1 codec is replaced by one configured here, because Reactor Netty's
 * decoder spec cannot turn on Netty's RFC 9112 transfer-encoding rule: without it Netty drops the
 * Content-Length of a request that also carries {@code Transfer-Encoding: chunked} and serves it
 * (RFC 9112 §6.1 asks to close). With it the decoder fails such a request and the {@link RequestGuard} answers 400
 * and closes. Netty's own header validation is off in this codec so that {@link RequestChecks}
 * can name the fault; the guard checks every header line before anything goes on.
 */
public final class IngestServerCustomizer implements NettyServerCustomizer {

    static final String READ_CLOCK = "zerver.ingest.readClock";
    static final String REQUEST_GUARD = "zerver.ingest.requestGuard";

    private final IngestLimits limits;
    private final IngestMetrics metrics;

    public IngestServerCustomizer(IngestLimits limits, IngestMetrics metrics) {
        this.limits = requireNonNull(limits, "limits");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .idleTimeout(limits.idleTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> install(channel.pipeline()));
    }

    void install(ChannelPipeline pipeline) {
        if (!(pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec)) {
            throw new IllegalStateException("the ingest serves HTTP/1.1 only (no HTTP/2, no TLS): found "
                    + pipeline.names());
        }
        pipeline.replace(NettyPipeline.HttpCodec, NettyPipeline.HttpCodec, new HttpServerCodec(decoderConfig()));
        RequestGuard guard = new RequestGuard(limits, metrics);
        pipeline.addBefore(NettyPipeline.HttpCodec, READ_CLOCK, guard.clock());
        pipeline.addAfter(NettyPipeline.HttpCodec, REQUEST_GUARD, guard);
    }

    private HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxUriLength() + IngestLimits.REQUEST_LINE_SLACK)
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setValidateHeaders(false)
                .setAllowDuplicateContentLengths(false)
                .setUseRfc9112TransferEncoding(true);
    }
}
