package io.zerver.ipc;

import static io.zerver.ipc.LinkTesting.await;
import static io.zerver.ipc.LinkTesting.body;
import static io.zerver.ipc.LinkTesting.connectedClient;
import static io.zerver.ipc.LinkTesting.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.client.LinkUnavailableException;
import io.zerver.ipc.client.PooledLinkClient;
import io.zerver.ipc.internal.codec.FrameCodec;
import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class PooledLinkClientTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

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

    @Test
    void failsAtOnceWhenNoServerIsUp() {
        client = PooledLinkClient.connect(LinkClientOptions.of(dir.resolve("nobody-home")));

        assertThat(medianFailureTime(client)).isLessThan(Duration.ofMillis(100));
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void failsPendingExchangesWhenTheServerDiesAndRecoversWhenAnotherBindsThePath() throws Exception {
        Path socket = dir.resolve("s");
        Process supervisor = startServerProcess(socket);
        try {
            client = connectedClient(socket, 2);
            assertThat(body(client.exchange(get("/before")).block(WAIT))).isEqualTo("/before");
            CompletableFuture<Reply> held = client.exchange(get("/hold")).toFuture();
            await(() -> client.stats().inFlight() == 1, WAIT, "request in flight");

            supervisor.destroyForcibly().waitFor();

            assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LinkUnavailableException.class);
            await(() -> !client.isConnected(), WAIT, "client sees the link down");
            assertThat(medianFailureTime(client)).isLessThan(Duration.ofMillis(100));
        } finally {
            supervisor.destroyForcibly();
        }
        assertThat(socket).as("the dead process left its socket file").exists();

        server = LinkServer.bind(socket, LinkTesting::echo, LinkServerOptions.defaults());

        await(() -> client.stats().connections() == 2, Duration.ofSeconds(10), "client reconnected");
        assertThat(body(client.exchange(get("/after")).block(WAIT))).isEqualTo("/after");
        assertThat(client.stats().reconnects()).isEqualTo(2);
    }

    @Test
    void dropsAReplyThatArrivesAfterTheCallerCancelled() {
        server = LinkServer.bind(dir.resolve("s"), request -> request.target().equals("/slow")
                ? Mono.delay(Duration.ofMillis(200)).flatMap(tick -> LinkTesting.echo(request))
                : LinkTesting.echo(request), LinkServerOptions.defaults());
        client = connectedClient(server.socket(), 1);

        StepVerifier.create(client.exchange(get("/slow")).timeout(Duration.ofMillis(20)))
                .expectError(TimeoutException.class).verify(WAIT);
        assertThat(client.stats().inFlight()).isZero();

        await(() -> client.stats().lateReplies() == 1, WAIT, "late reply dropped");
        assertThat(body(client.exchange(get("/next")).block(WAIT))).isEqualTo("/next");
    }

    @Test
    void refusesABodyOverTheFrameLimitAndCarriesOneThatJustFits() {
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());
        client = connectedClient(server.socket(), 1);
        int limit = FrameCodec.DEFAULT_MAX_FRAME_BYTES;

        StepVerifier.create(client.exchange(LinkTesting.request("/big", new byte[limit + 1])))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LinkProtocolException.class)
                        .hasMessageContaining("exceeds the peer's limit of " + limit))
                .verify(WAIT);

        long overhead = FrameCodec.frameLength(LinkTesting.request("/big", new byte[0]).withId(1));
        int fits = limit - (int) overhead;
        Reply reply = client.exchange(LinkTesting.request("/big", new byte[fits])).block(WAIT);
        assertThat(((ResponseFrame) reply).headers()).contains(new Header("x-body-bytes", Integer.toString(fits)));
        assertThat(client.stats().protocolErrors()).isZero();
        assertThat(server.stats().protocolErrors()).isZero();
    }

    @Test
    void stopsSendingOnADrainedConnectionWhileItsRequestsInFlightComplete() throws Exception {
        Sinks.Empty<Void> release = Sinks.empty();
        AtomicInteger handled = new AtomicInteger();
        server = LinkServer.bind(dir.resolve("s"), request -> {
            handled.incrementAndGet();
            return release.asMono().then(LinkTesting.echo(request));
        }, LinkServerOptions.defaults());
        client = connectedClient(server.socket(), 1);
        CompletableFuture<Reply> first = client.exchange(get("/1")).toFuture();
        CompletableFuture<Reply> second = client.exchange(get("/2")).toFuture();
        await(() -> server.stats().inFlight() == 2, WAIT, "two requests in flight");

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> server.drain(Duration.ofSeconds(5)));
        await(() -> !client.isConnected(), WAIT, "client saw the drain");
        StepVerifier.create(client.exchange(get("/3"))).expectError(LinkUnavailableException.class).verify(WAIT);
        assertThat(first).isNotDone();

        release.tryEmitEmpty();

        assertThat(body(first.get(5, TimeUnit.SECONDS))).isEqualTo("/1");
        assertThat(body(second.get(5, TimeUnit.SECONDS))).isEqualTo("/2");
        drained.get(5, TimeUnit.SECONDS);
        assertThat(handled).hasValue(2);
        assertThat(dir.resolve("s")).doesNotExist();
    }

    /** How long a failing exchange takes, median of five after one to warm up. */
    private static Duration medianFailureTime(PooledLinkClient client) {
        long[] nanos = new long[6];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            StepVerifier.create(client.exchange(get("/down"))).expectError(LinkUnavailableException.class).verify(WAIT);
            nanos[i] = System.nanoTime() - start;
        }
        long[] measured = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(measured);
        return Duration.ofNanos(measured[measured.length / 2]);
    }

    private static Process startServerProcess(Path socket) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-Dreactor.netty.native=" + System.getProperty("reactor.netty.native", "true"),
                "-cp", System.getProperty("java.class.path"),
                LinkServerProcess.class.getName(), socket.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return process;
            }
        }
        throw new AssertionError("server process exited with " + process.exitValue());
    }
}
