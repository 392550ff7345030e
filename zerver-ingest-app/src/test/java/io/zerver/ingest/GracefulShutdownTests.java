package io.zerver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zerver.ipc.RequestFrame;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.publisher.Sinks;

/** docs/deployment.md, shutdown: stop accepting, drain the requests in flight, then close the link, in that order. */
class GracefulShutdownTests {

    @Test
    void stopsAcceptingDrainsTheRequestInFlightThenClosesTheLink() throws Exception {
        RecordingLinkClient link = new RecordingLinkClient();
        Sinks.Empty<Void> release = Sinks.empty();
        CompletableFuture<RequestFrame> arrived = new CompletableFuture<>();
        link.answer(request -> {
            arrived.complete(request);
            return RecordingLinkClient.ECHO.apply(request).delayUntil(reply -> release.asMono());
        });
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class,
                OwnEventLoops.class)
                .initializers(ctx -> ((ConfigurableApplicationContext) ctx).getBeanFactory()
                        .registerSingleton("linkClient", link))
                .run("--server.port=0", "--management.server.port=0");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();

        try (RawHttp client = new RawHttp(port)) {
            client.timeout(10_000);
            client.send("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nslow");
            arrived.get(5, TimeUnit.SECONDS);

            CompletableFuture<Void> closing = new CompletableFuture<>();
            new Thread(() -> {
                context.close();
                closing.complete(null);
            }, "closer").start();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThatThrownBy(() -> new RawHttp(port).close()).isInstanceOf(ConnectException.class));
            await("shutdown waits for the request in flight, the link stays open").during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !closing.isDone() && link.closedAtNanos() == 0);

            long releasedAt = System.nanoTime();
            release.tryEmitEmpty();
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.bodyText()).isEqualTo("slow");

            closing.get(10, TimeUnit.SECONDS);
            assertThat(link.closedAtNanos()).as("link closed after the drain").isNotZero()
                    .isGreaterThan(releasedAt);
        } finally {
            context.close();
        }
    }

    /**
     * Closing a context that uses Reactor Netty's global event loops disposes them under every
     * other context in this JVM (the cached test contexts): this one gets loops of its own.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnEventLoops {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }
}
