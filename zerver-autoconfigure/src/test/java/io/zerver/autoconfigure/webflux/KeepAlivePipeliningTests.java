package io.zerver.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.CustomEffect;
import io.zerver.core.effect.EffectOptions;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.EffectFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

/**
 * Requests sent back to back on one keep-alive connection, a slow one first: the next ones queue
 * behind it and, answered synchronously (as the engine answers a pipeline that waits for nothing),
 * must not leave the connection unread. Reactor Netty 1.3.6 did (reactor/reactor-netty#4361): the
 * request after them waited until the client gave up, the hang TodosContractTests met about one
 * run in five. The build pins Reactor Netty 1.3.8.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.banner-mode=off")
class KeepAlivePipeliningTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
    }

    /** Waits 50 ms, off the event loop: the slow first request. */
    record Pause(@Nullable Slot<?> slot, EffectOptions options) implements CustomEffect<Pause> {

        @Override
        public String kind() {
            return "test.pause";
        }

        @Override
        public String target() {
            return "pause";
        }

        @Override
        public boolean isWrite() {
            return false;
        }

        @Override
        public Pause withOptions(EffectOptions options) {
            return new Pause(slot, options);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        EffectFamily<String> pauses() {
            return EffectFamily.of("pauses", (name, handlers) -> handlers.on(Pause.class,
                    (pause, context) -> Mono.delay(Duration.ofMillis(50)).thenReturn(Boolean.TRUE)));
        }

        @Bean
        ZerverRoutes routes() {
            Step answer = Step.of("answer", ctx -> Decision.done(Response.text(200, "slow")));
            Step slow = Step.named("slow").performs(Pause.class).continuesWith(answer)
                    .run(ctx -> Decision.need(new Pause(null, EffectOptions.defaults(Duration.ofSeconds(1))))
                            .then(answer));
            return routes -> routes
                    .get("/slow", r -> r.steps(slow))
                    .get("/fast", r -> r.steps(Step.of("fast", ctx -> Decision.done(Response.text(200, "fast")))));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void requestsQueuedBehindASlowOneAreAllAnswered() throws IOException {
        for (int round = 0; round < 20; round++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(3000);
                String get = "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
                socket.getOutputStream().write((get.formatted("/slow") + get.formatted("/fast")
                        + get.formatted("/fast")).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String answers = readResponses(socket.getInputStream(), 3);

                assertThat(answers).as("round %d", round).containsSubsequence("slow", "fast", "fast");
                // And the connection still reads: one more request on it.
                socket.getOutputStream().write(get.formatted("/fast").getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponses(socket.getInputStream(), 1)).contains("fast");
            }
        }
    }

    /** Reads until {@code count} responses (each with a 4-byte body, by Content-Length) have arrived. */
    private static String readResponses(InputStream in, int count) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (count(read.toString(StandardCharsets.US_ASCII), "HTTP/1.1 200") < count
                || !complete(read.toString(StandardCharsets.US_ASCII), count)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read.write(buffer, 0, n);
        }
        return read.toString(StandardCharsets.US_ASCII);
    }

    private static boolean complete(String text, int count) {
        return count(text, "\r\n\r\nslow") + count(text, "\r\n\r\nfast") >= count;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
