package io.zerver.supervisor.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.http.Request;
import io.zerver.ipc.Header;
import io.zerver.ipc.RequestFrame;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A forwarded frame becomes the engine's request with its facts typed, nothing re-parsed. */
class LinkRequestTests {

    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

    @Test
    void theClientAddressGoesOverAsTheFramesTypedAddress() throws Exception {
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 51234);

        Request request = SupervisorLinkHandler.request(frame("/x", client), Duration.ofMillis(250));

        assertThat(request.clientAddress()).isSameAs(client);
        assertThat(SupervisorLinkHandler.request(frame("/x", null), Duration.ofMillis(250)).clientAddress()).isNull();
    }

    @Test
    void whatIsLeftOfTheDeadlineIsTheRequestsTimeoutAndNoHeaderIsWritten() {
        Request request = SupervisorLinkHandler.request(frame("/x", null, new Header("X-Request-Timeout", "900")),
                Duration.ofMillis(250));

        assertThat(request.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(request.headers().all("X-Request-Timeout")).containsExactly("900");
    }

    @Test
    void theHeadersArriveAsTheIngestSentThemAndTheTargetIsSplit() {
        Request request = SupervisorLinkHandler.request(frame("/todos?limit=2", null, new Header("a", "1"),
                new Header("a", "2")), Duration.ofSeconds(1));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/todos");
        assertThat(request.rawQuery()).isEqualTo("limit=2");
        assertThat(request.headers().all("a")).containsExactly("1", "2");
    }

    private static RequestFrame frame(String target, @Nullable InetSocketAddress client, Header... headers) {
        return new RequestFrame(1, "GET", target, List.of(headers), new byte[0], client, NOW, NOW.plusSeconds(1));
    }
}
