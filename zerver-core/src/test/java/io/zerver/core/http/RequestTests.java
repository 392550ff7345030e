package io.zerver.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "/todos              | /todos  | ''",
            "/todos?limit=2      | /todos  | limit=2",
            "/todos?             | /todos  | ''",
            "/todos?a=1&b=2      | /todos  | a=1&b=2",
            "/a?b=c?d            | /a      | b=c?d",
            "/                   | /       | ''"
    })
    void ofSplitsTheQueryFromThePath(String target, String path, String query) {
        Request request = Request.of("GET", target);

        assertThat(request.path()).isEqualTo(path);
        assertThat(request.rawQuery()).isEqualTo(query);
        assertThat(request.headers().isEmpty()).isTrue();
        assertThat(request.body()).isEmpty();
        assertThat(request.clientAddress()).isNull();
        assertThat(request.timeout()).isNull();
    }

    @Test
    void withersReturnCopies() {
        Request request = Request.of("GET", "/x?y=1");
        InetSocketAddress client = InetSocketAddress.createUnresolved("client", 1234);

        Request changed = request.withMethod("POST").withHeader("A", "1").withBody("é").withClientAddress(client);

        assertThat(changed.method()).isEqualTo("POST");
        assertThat(changed.path()).isEqualTo("/x");
        assertThat(changed.rawQuery()).isEqualTo("y=1");
        assertThat(changed.headers().first("a")).hasValue("1");
        assertThat(changed.body()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        assertThat(changed.clientAddress()).isSameAs(client);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.headers().isEmpty()).isTrue();
    }

    @Test
    void theHostsTimeoutIsATypedFieldEveryWitherKeeps() {
        Request request = Request.of("GET", "/x").withTimeout(Duration.ofMillis(250));

        Request changed = request.withMethod("POST").withHeader("A", "1").withHeaders(Headers.empty()).withBody("b")
                .withClientAddress(null);

        assertThat(changed.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(changed.withTimeout(null).timeout()).isNull();
        assertThat(new Request("GET", "/x", "", Headers.empty(), new byte[0], null).timeout()).isNull();
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> Request.of("GET", "/x").withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout: PT0S (expected: > 0)");
        assertThatThrownBy(() -> Request.of("GET", "/x").withTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: > 0)");
    }

    @Test
    void toStringShowsMethodAndTarget() {
        assertThat(Request.of("GET", "/x?y=1")).hasToString("GET /x?y=1");
        assertThat(Request.of("GET", "/x")).hasToString("GET /x");
    }
}
