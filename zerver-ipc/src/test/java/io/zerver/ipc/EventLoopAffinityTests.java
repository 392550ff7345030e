package io.zerver.ipc;

import static io.zerver.ipc.LinkTesting.await;
import static io.zerver.ipc.LinkTesting.body;
import static io.zerver.ipc.LinkTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.client.PooledLinkClient;
import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.resources.LoopResources;

/**
 * A client connected with an event-loop group keeps one connection per loop, and a request sent
 * from a loop is written and answered on that loop: the thread that sent it reads the reply.
 */
class EventLoopAffinityTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private LoopResources loops;
    private EventLoopGroup group;
    private LinkServer server;
    private PooledLinkClient client;

    @BeforeEach
    void setUp() {
        loops = LoopResources.create("affinity-test", 3, true);
        group = loops.onServer(LoopResources.DEFAULT_NATIVE);
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        server.disposeNow();
        loops.disposeLater(Duration.ZERO, WAIT).block(WAIT);
    }

    @Test
    void keepsOneConnectionPerEventLoop() {
        client = PooledLinkClient.connect(LinkClientOptions.of(server.socket()).withPoolSize(1), group);

        await(() -> client.stats().connections() == 3, WAIT, "a connection per loop");
    }

    @Test
    void answersARequestSentFromAnEventLoopOnThatLoop() throws Exception {
        client = connected();

        for (EventLoop loop : loops()) {
            Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 5; i++) {
                String target = "/on/" + i;
                CompletableFuture<Thread> answeredOn = new CompletableFuture<>();
                CompletableFuture<String> answer = new CompletableFuture<>();
                loop.execute(() -> client.exchange(get(target)).subscribe(reply -> {
                    answeredOn.complete(Thread.currentThread());
                    answer.complete(body(reply));
                }, answer::completeExceptionally));

                assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(target);
                assertThat(answeredOn.get()).isSameAs(loopThread);
            }
        }
        assertThat(client.stats().handOffs()).isZero();
    }

    @Test
    void carriesRequestsFromOtherThreadsOverTheSameConnections() {
        client = connected();

        for (int i = 0; i < 10; i++) {
            assertThat(body(client.exchange(get("/off/" + i)).block(WAIT))).isEqualTo("/off/" + i);
        }
        assertThat(client.stats().handOffs()).isEqualTo(10);
    }

    @Test
    void sendsOverAnotherLoopsConnectionWhileTheCallersIsDown() throws Exception {
        client = connected();
        server.disposeNow();
        await(() -> client.stats().connections() == 0, WAIT, "all connections lost");
        server = LinkServer.bind(dir.resolve("s"), LinkTesting::echo, LinkServerOptions.defaults());
        await(() -> client.stats().connections() >= 1, WAIT, "a connection back");

        // Whatever connections are back, a request from every loop is answered.
        for (EventLoop loop : loops()) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            loop.execute(() -> client.exchange(get("/back")).map(LinkTesting::body)
                    .subscribe(answer::complete, answer::completeExceptionally));
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("/back");
        }
    }

    private PooledLinkClient connected() {
        PooledLinkClient c = PooledLinkClient.connect(LinkClientOptions.of(server.socket()), group);
        await(() -> c.stats().connections() == 3, WAIT, "a connection per loop");
        return c;
    }

    private List<EventLoop> loops() {
        List<EventLoop> list = new ArrayList<>();
        for (EventExecutor executor : group) {
            list.add((EventLoop) executor);
        }
        return list;
    }
}
