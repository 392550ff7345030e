package io.zerver.ipc;

import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.client.PooledLinkClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/** Requests, handlers and waiting, shared by the link's tests. */
final class LinkTesting {

    private LinkTesting() {
    }

    static RequestFrame get(String target) {
        return request(target, new byte[0]);
    }

    static RequestFrame request(String target, byte[] body) {
        Instant now = Instant.now();
        return new RequestFrame(0, "POST", target, List.of(new Header("x-test", "1")), body,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 5000), now, now.plusSeconds(5));
    }

    /** Answers 200 with the request's target as the body and the request's body as a header count. */
    static Mono<Reply> echo(RequestFrame request) {
        return Mono.just(new ResponseFrame(request.id(), 200, List.of(new Header("x-body-bytes",
                Integer.toString(request.body().length))), request.target().getBytes(StandardCharsets.UTF_8), 0));
    }

    static String body(Reply reply) {
        if (!(reply instanceof ResponseFrame response)) {
            throw new AssertionError("expected a response, got " + reply);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static PooledLinkClient connectedClient(Path socket, int poolSize) {
        PooledLinkClient client = PooledLinkClient.connect(LinkClientOptions.of(socket).withPoolSize(poolSize));
        await(() -> client.stats().connections() == poolSize, Duration.ofSeconds(5), "client connected");
        return client;
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(5))
                .until(condition::getAsBoolean);
    }
}
