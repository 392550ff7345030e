package io.zerver.ingest.http;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.RequestIds;
import io.zerver.core.http.Response;
import io.zerver.ingest.http.IngestMetrics.Outcome;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Header;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import io.zerver.ipc.client.LinkClient;
import io.zerver.ipc.client.LinkUnavailableException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The ingest's only handler: turns a request the {@link RequestGuard} let on into a
 * {@link RequestFrame}, exchanges it over the link, and writes the reply back.
 *
 * <p>It works on Reactor Netty's own request and response under Spring's adapter: the headers go
 * over in arrival order with repeats, the body as the array the guard aggregated (taken from the
 * {@link GuardedRequest} on the channel, not read again), the client's address and the deadline
 * as the frame's typed fields, and the answer as one full response; no DataBuffer, no codec, no
 * JSON library on this path.
 *
 * <p>The exchange waits until the request's deadline (a timer on the connection's event loop);
 * then it is cancelled, so the link client drops it and a late reply is discarded by id, and the
 * client gets 504. A link that is down answers 502 at once.
 */
public final class LinkForwarder implements HttpHandler {

    private static final byte[] NO_BODY = new byte[0];
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, AsciiString.cached("proxy-connection"), HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE, HttpHeaderNames.TE, HttpHeaderNames.TRAILER);

    private final LinkClient link;
    private final IngestLimits limits;
    private final IngestMetrics metrics;

    public LinkForwarder(LinkClient link, IngestLimits limits, IngestMetrics metrics) {
        this.link = requireNonNull(link, "link");
        this.limits = requireNonNull(limits, "limits");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    /** Spring's entry, unused while {@link #route()} is installed; kept for a server without it. */
    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        return forward(ServerHttpRequestDecorator.<HttpServerRequest>getNativeRequest(request),
                ServerHttpResponseDecorator.<HttpServerResponse>getNativeResponse(response));
    }

    /**
     * Every request, straight from Reactor Netty: a route that takes them all, ahead of Spring's
     * adapter, which would otherwise parse the URI and wrap the headers, request and response of
     * every request for nothing.
     */
    public NettyRouteProvider route() {
        return routes -> routes.route(request -> true, this::forward);
    }

    Mono<Void> forward(HttpServerRequest in, HttpServerResponse out) {
        Channel[] channel = new Channel[1];
        in.withConnection(connection -> channel[0] = connection.channel());
        GuardedRequest guarded = channel[0].attr(GuardedRequest.KEY).get();
        if (guarded != null) {
            // The guard aggregated the body already and hands it over with the request's facts.
            return forward(in, guarded, channel[0]).flatMap(answer -> write(in, out, answer, guarded));
        }
        // Not through the guard (cannot happen with IngestServerCustomizer installed): still bounded.
        GuardedRequest unguarded = GuardedRequest.arrived(RequestIds.generate(ThreadLocalRandom.current()), null,
                limits.requestTimeout().toNanos());
        return in.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY)
                .flatMap(body -> forward(in, unguarded.withBody(body), channel[0]))
                .flatMap(answer -> write(in, out, answer, unguarded));
    }

    private Mono<Answer> forward(HttpServerRequest in, GuardedRequest request, Channel channel) {
        RequestFrame frame = new RequestFrame(0, in.method().name(), in.uri(), headers(in.requestHeaders()),
                request.body(), address(in.remoteAddress()), request.arrival(), request.deadline());
        long remaining = request.deadlineNanos() - System.nanoTime();
        if (remaining <= 0) {
            return Mono.just(error(ZerverError.of(ErrorKind.TIMEOUT, "link", "deadline"), request));
        }
        LinkCall call = new LinkCall();
        metrics.exchangeStarted();
        return Mono.defer(() -> link.exchange(frame))
                .timeout(deadline(channel, remaining))
                .map(reply -> call.answered(reply, request))
                .onErrorResume(failure -> Mono.just(call.failed(failure, request)))
                .doFinally(signal -> metrics.exchangeEnded(
                        signal == SignalType.CANCEL ? Outcome.CANCELLED : call.outcome, call.startNanos));
    }

    /** Emits when the request's deadline passes; a timer on the connection's own event loop. */
    private static Mono<Long> deadline(Channel channel, long remainingNanos) {
        return Mono.create(sink -> {
            var timer = channel.eventLoop().schedule(() -> sink.success(0L), remainingNanos, TimeUnit.NANOSECONDS);
            sink.onDispose(() -> timer.cancel(false));
        });
    }

    private static List<Header> headers(HttpHeaders headers) {
        List<Header> list = new ArrayList<>(headers.size());
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> line = it.next();
            if (!isHopByHop(line.getKey())) {
                list.add(new Header(line.getKey().toString(), line.getValue().toString()));
            }
        }
        return list;
    }

    private static boolean isHopByHop(CharSequence name) {
        for (AsciiString hop : HOP_BY_HOP) {
            if (hop.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The client's IP address and port, as the frame carries them; null when not an IP peer. */
    private static @Nullable InetSocketAddress address(@Nullable SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && !inet.isUnresolved() ? inet : null;
    }

    private Mono<Void> write(HttpServerRequest in, HttpServerResponse out, Answer answer, GuardedRequest meta) {
        HttpHeaders headers = out.responseHeaders();
        boolean head = in.method().equals(HttpMethod.HEAD);
        try {
            for (Header header : answer.headers()) {
                String name = header.name();
                if (isHopByHop(name) || (!head && HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name))) {
                    continue;
                }
                headers.add(name, header.value());
            }
        } catch (IllegalArgumentException invalid) {
            // A header value Netty refuses to write (a control character): the supervisor's fault.
            headers.clear();
            return write(in, out, error(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "link", "invalid_response"),
                    meta), meta);
        }
        if (!headers.contains(RequestIds.HEADER)) {
            headers.set(RequestIds.HEADER, meta.requestId());
        }
        int status = answer.status();
        out.status(HttpResponseStatus.valueOf(status));
        if (head || status < 200 || status == 204 || status == 304) {
            return out.send().then();
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        return out.send(Mono.just(Unpooled.wrappedBuffer(answer.body()))).then();
    }

    static Answer error(ZerverError error, GuardedRequest meta) {
        Response response = ErrorResponses.render(error, meta.requestId());
        List<Header> headers = new ArrayList<>(response.headers().size());
        response.headers().forEach((name, value) -> headers.add(new Header(name, value)));
        return new Answer(response.status(), headers, response.body());
    }

    /** What the client gets: status, headers in order, body. */
    record Answer(int status, List<Header> headers, byte[] body) {
    }

    /** One call over the link: when it started and how it ended, for the latency timer. */
    private static final class LinkCall {

        final long startNanos = System.nanoTime();
        Outcome outcome = Outcome.FAILURE;

        Answer answered(Reply reply, GuardedRequest request) {
            if (reply instanceof ResponseFrame response) {
                outcome = Outcome.RESPONSE;
                return new Answer(response.status(), response.headers(), response.body());
            }
            outcome = Outcome.ERROR;
            return error(LinkErrors.of(((ErrorFrame) reply).code()), request);
        }

        Answer failed(Throwable failure, GuardedRequest request) {
            if (failure instanceof TimeoutException) {
                outcome = Outcome.DEADLINE;
                return error(ZerverError.of(ErrorKind.TIMEOUT, "link", "deadline"), request);
            }
            if (failure instanceof LinkUnavailableException) {
                outcome = Outcome.UNAVAILABLE;
                return error(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "link", "unavailable"), request);
            }
            outcome = Outcome.FAILURE;
            return error(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "link", "failure"), request);
        }
    }
}
