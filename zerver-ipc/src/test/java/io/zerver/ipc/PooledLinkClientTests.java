package io.zerver.ipc;

import static io.zerver.ipc.LinkTesting.await;
import static io.zerver.ipc.LinkTesting.body;
import static io.zerver.ipc.LinkTesting.connectedClient;
import static io.zerver.ipc.LinkTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PooledLinkClientTests {

    @TempDir
    Path dir;

    private LinkServer server;
    private PooledLinkClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void carriesARequestAndItsResponse() {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());
        client = connectedClient(server.socket(), 2);

        Reply reply = client.exchange(get("/todos?limit=2")).block(Duration.ofSeconds(5));

        assertThat(body(reply)).isEqualTo("/todos?limit=2");
        assertThat(reply.id()).isPositive();
    }

    @Test
    void matchesTwoHundredConcurrentRequestsAnsweredOutOfOrder() {
        List<String> arrived = new CopyOnWriteArrayList<>();
        List<String> answered = new CopyOnWriteArrayList<>();
        List<Long> linkIds = new CopyOnWriteArrayList<>();
        server = LinkServer.bind(dir.resolve("s"), request -> {
            arrived.add(request.target());
            linkIds.add(request.id());
            return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(50)))
                    .doOnNext(tick -> answered.add(request.target()))
                    .flatMap(tick -> LinkTesting.echo(request));
        }, LinkServerOptions.defaults());
        client = connectedClient(server.socket(), 2);

        List<String> bodies = Flux.range(0, 200)
                .flatMap(i -> client.exchange(get("/r/" + i)).map(LinkTesting::body).map(b -> b + "|"), 200)
                .collectList().block(Duration.ofSeconds(10));

        assertThat(bodies).hasSize(200).doesNotHaveDuplicates();
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(
                Flux.range(0, 200).map(i -> "/r/" + i + "|").collectList().block());
        assertThat(answered).as("replies were written out of arrival order").isNotEqualTo(arrived);
        assertThat(Set.copyOf(linkIds)).as("both connections numbered from 1").hasSizeLessThan(linkIds.size());
        assertThat(server.stats().connections()).isEqualTo(2);
        assertThat(client.stats().inFlight()).isZero();
        await(() -> server.stats().inFlight() == 0, Duration.ofSeconds(2), "server idle");
    }
}
