package io.zerver.effects.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server on 127.0.0.1 with scripted routes, counting what it receives. Every
 * path ends in an id of the test's choosing, so that tests sharing the server count apart:
 * <ul>
 * <li>{@code /echo/<id>}: 200, the request body back (or "hello"), the method and the
 *     {@code X-Test} header in {@code X-Echo-Method} and {@code X-Echo-Test};
 * <li>{@code /flaky/<failures>/<id>}: 503 for the first {@code failures} requests, then 200 "ok";
 * <li>{@code /status/<code>/<id>}: that status, body "status <code>";
 * <li>{@code /slow/<id>}: 200 after 5 s;
 * <li>{@code /bytes/<n>/<id>}: exactly {@code n} bytes, chunked (no Content-Length);
 * <li>{@code /endless/<id>}: a chunked body that never ends;
 * <li>{@code /declared/<n>/<id>}: {@code Content-Length: n} and {@code n} bytes.
 * </ul>
 */
final class Upstream implements AutoCloseable {

    private static final int CHUNK_SIZE = 8 * 1024;
    private static final byte[] CHUNK = new byte[CHUNK_SIZE];

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, List<String>> idempotencyKeys = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> closed = new ConcurrentHashMap<>();
    private final DisposableServer server;

    Upstream() {
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::dispatch).bindNow();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Requests received on {@code path}. */
    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** The {@code Idempotency-Key} headers received on {@code path}, in order. */
    List<String> idempotencyKeys(String path) {
        return List.copyOf(idempotencyKeys.getOrDefault(path, List.of()));
    }

    /** Connections that carried a request on {@code path} and have since closed. */
    int connectionsClosed(String path) {
        AtomicInteger count = closed.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(2));
    }

    private Publisher<Void> dispatch(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String key = request.requestHeaders().get("Idempotency-Key");
        if (key != null) {
            idempotencyKeys.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(key);
        }
        request.withConnection(c -> c.onDispose(() ->
                closed.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet()));
        String[] parts = path.split("/");
        return switch (parts[1]) {
            case "echo" -> request.receive().aggregate().asString().defaultIfEmpty("hello")
                    .flatMap(body -> response.status(200)
                            .header("X-Echo-Method", request.method().name())
                            .header("X-Echo-Test", String.valueOf(request.requestHeaders().get("X-Test")))
                            .sendString(Mono.just(body)).then());
            case "flaky" -> hits(path) <= Integer.parseInt(parts[2])
                    ? response.status(503).sendString(Mono.just("try later"))
                    : response.status(200).sendString(Mono.just("ok"));
            case "status" -> response.status(HttpResponseStatus.valueOf(Integer.parseInt(parts[2])))
                    .sendString(Mono.just("status " + parts[2]));
            case "slow" -> Mono.delay(Duration.ofSeconds(5))
                    .then(Mono.defer(() -> response.status(200).sendString(Mono.just("late")).then()));
            case "bytes" -> response.status(200).send(chunks(Long.parseLong(parts[2])));
            case "endless" -> response.status(200).send(Flux.<ByteBuf>generate(
                    sink -> sink.next(Unpooled.wrappedBuffer(CHUNK))));
            case "declared" -> response.status(200).header("Content-Length", parts[2])
                    .send(chunks(Long.parseLong(parts[2])));
            default -> response.sendNotFound();
        };
    }

    private static Flux<ByteBuf> chunks(long total) {
        long full = total / CHUNK_SIZE;
        int rest = (int) (total % CHUNK_SIZE);
        Flux<ByteBuf> body = Flux.range(0, (int) full).map(i -> Unpooled.wrappedBuffer(CHUNK));
        return rest == 0 ? body : body.concatWith(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(CHUNK, 0, rest)));
    }
}
