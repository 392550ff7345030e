package io.zerver.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestChecksTests {

    private static final IngestLimits LIMITS = new IngestLimits(1024, 8192, 10, 64, Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    @ParameterizedTest
    @ValueSource(strings = { "/", "/todos?limit=2", "/a%20b", "/p;x=1/@:!$&'()*+,=~._-?q=/?" })
    void acceptsOriginFormTargets(String target) {
        assertThat(RequestChecks.isOriginForm(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "*", "todos", "http://h/", "/a b", "/a%2", "/a%zz", "/a#frag", "/a\"b", "/é" })
    void rejectsOtherTargets(String target) {
        assertThat(RequestChecks.isOriginForm(target)).isFalse();
    }

    @Test
    void passesACleanRequest() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "Content-Length", "1024"), LIMITS)).isNull();
    }

    @Test
    void rejectsADeclaredBodyOneByteOverTheLimit() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "Content-Length", "1025"), LIMITS))
                .isEqualTo(Rejection.BODY_TOO_LARGE);
    }

    @Test
    void rejectsAnAbsurdContentLengthWithoutOverflow() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "Content-Length", "99999999999999999999"), LIMITS))
                .isEqualTo(Rejection.INVALID_CONTENT_LENGTH);
    }

    @Test
    void rejectsRepeatedHost() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "Host", "b"), LIMITS))
                .isEqualTo(Rejection.INVALID_HOST);
    }

    @Test
    void acceptsTabsAndObsTextInValuesButNotDelete() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "X-V", "a\tb\u00e9"), LIMITS)).isNull();
        assertThat(RequestChecks.check(request("/x", "Host", "a", "X-V", "a\u007fb"), LIMITS))
                .isEqualTo(Rejection.INVALID_HEADER_CHARACTER);
    }

    @Test
    void rejectsASpaceInAHeaderName() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "X V", "1"), LIMITS))
                .isEqualTo(Rejection.INVALID_HEADER_CHARACTER);
    }

    @Test
    void acceptsAChunkedBodyWhateverTheCase() {
        assertThat(RequestChecks.check(request("/x", "Host", "a", "Transfer-Encoding", " Chunked "), LIMITS))
                .isNull();
    }

    private static HttpRequest request(String uri, String... namesAndValues) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri, false);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.headers().add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request;
    }
}
