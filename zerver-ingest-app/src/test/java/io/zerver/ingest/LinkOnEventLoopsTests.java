package io.zerver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import io.zerver.ipc.client.PooledLinkClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The real link client of the ingest, against a real link server: by default it keeps one
 * connection per HTTP event loop, and every request crosses the link on the loop that read it.
 */
class LinkOnEventLoopsTests {

    private static final int REQUESTS = 40;

    @TempDir
    Path dir;

    private LinkServer server;
    private ConfigurableApplicationContext context;

    @BeforeEach
    void setUp() {
        server = LinkServer.bind(dir.resolve("s"), RecordingLinkClient.ECHO::apply, LinkServerOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.close();
        }
        server.disposeNow();
    }

    @Test
    void sendsEveryRequestOverTheConnectionOfTheLoopThatReadIt() throws Exception {
        start();
        int loops = serverLoops();
        PooledLinkClient link = context.getBean(PooledLinkClient.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.stats().connections() == loops);

        sendRequests();

        assertThat(handOffs()).isZero();
        assertThat(server.stats().connections()).isEqualTo(loops);
    }

    @Test
    void handsRequestsToTheLinksOwnLoopsWhenEventLoopConnectionsAreOff() throws Exception {
        start("--zerver.ipc.event-loop-connections=false", "--zerver.ipc.pool-size=1");
        PooledLinkClient link = context.getBean(PooledLinkClient.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.stats().connections() == 1);

        sendRequests();

        assertThat(handOffs()).isEqualTo(REQUESTS);
    }

    private void start(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--management.server.port=0";
        all[2] = "--zerver.ipc.socket=" + server.socket();
        System.arraycopy(args, 0, all, 3, args.length);
        context = new SpringApplicationBuilder(IngestApplication.class, GracefulShutdownTests.OwnEventLoops.class)
                .run(all);
    }

    /** Requests over several keep-alive connections, so that more than one loop reads them. */
    private void sendRequests() throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        RawHttp[] clients = new RawHttp[4];
        try {
            for (int c = 0; c < clients.length; c++) {
                clients[c] = new RawHttp(port);
            }
            for (int i = 0; i < REQUESTS; i++) {
                RawHttp client = clients[i % clients.length];
                client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n" + (10 + i));
                RawHttp.Reply reply = client.readResponse();
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.bodyText()).isEqualTo(Integer.toString(10 + i));
            }
        } finally {
            for (RawHttp client : clients) {
                if (client != null) {
                    client.close();
                }
            }
        }
    }

    private int serverLoops() {
        LoopResources loops = context.getBean(ReactorResourceFactory.class).getLoopResources();
        int n = 0;
        for (var loop : loops.onServer(LoopResources.DEFAULT_NATIVE)) {
            n++;
        }
        return n;
    }

    private double handOffs() {
        return context.getBean(MeterRegistry.class).get("zerver.ingest.link.handoffs").functionCounter().count();
    }
}
