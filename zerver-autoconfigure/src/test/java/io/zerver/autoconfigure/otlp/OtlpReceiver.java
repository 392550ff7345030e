package io.zerver.autoconfigure.otlp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A minimal OTLP/HTTP trace receiver on 127.0.0.1: accepts {@code POST /v1/traces}, keeps
 * each body (protobuf, whose strings and ids appear as raw bytes) and answers 200 with an
 * empty {@code ExportTraceServiceResponse}.
 */
final class OtlpReceiver implements AutoCloseable {

    final List<byte[]> batches = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    OtlpReceiver() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/v1/traces", (request, response) -> request.receive().aggregate()
                        .asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            batches.add(body);
                            return response.status(200).header("Content-Type", "application/x-protobuf")
                                    .sendByteArray(Mono.just(new byte[0])).then();
                        })))
                .bindNow();
    }

    /** The endpoint to give {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.port() + "/v1/traces";
    }

    /** Whether any batch received holds {@code bytes}. */
    boolean received(byte[] bytes) {
        for (byte[] batch : batches) {
            if (indexOf(batch, bytes) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
