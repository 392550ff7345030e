package io.zerver.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the guard hands on: the head, an empty end, and beside them the facts and the whole body. */
class RequestGuardTests {

    private static final IngestLimits LIMITS = new IngestLimits(1024, 8192, 10, 64, Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void handsTheAggregatedBodyOverOnceBesideTheHead() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestGuard(LIMITS, new IngestMetrics(new SimpleMeterRegistry())));
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/notes");
        head.headers().set("Host", "a").set("Content-Length", "11").set("X-Request-Timeout", "1500");
        Instant before = Instant.now();

        channel.writeInbound(head, new DefaultHttpContent(Unpooled.copiedBuffer("hello", StandardCharsets.UTF_8)),
                new DefaultLastHttpContent(Unpooled.copiedBuffer(" world", StandardCharsets.UTF_8)));

        assertThat((Object) channel.readInbound()).isSameAs(head);
        LastHttpContent end = channel.readInbound();
        assertThat(end.content().readableBytes()).isZero();
        assertThat((Object) channel.readInbound()).isNull();
        GuardedRequest guarded = channel.attr(GuardedRequest.KEY).get();
        assertThat(new String(guarded.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(guarded.requestId()).isEqualTo(head.headers().get("X-Request-Id"));
        assertThat(guarded.arrival()).isBetween(before, Instant.now());
        assertThat(Duration.between(guarded.arrival(), guarded.deadline())).isEqualTo(Duration.ofMillis(1500));
        channel.finishAndReleaseAll();
    }
}
