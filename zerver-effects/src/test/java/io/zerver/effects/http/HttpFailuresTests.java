package io.zerver.effects.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFailuresTests {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 299, 301, 304, 399})
    void twoAndThreeHundredsSucceed(int status) {
        assertThat(HttpFailures.ofStatus(status)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "429, TOO_MANY_REQUESTS, true",
        "500, UPSTREAM_UNAVAILABLE, true",
        "503, UPSTREAM_UNAVAILABLE, true",
        "599, UPSTREAM_UNAVAILABLE, true",
        "404, NOT_FOUND, false",
        "410, NOT_FOUND, false",
        "409, CONFLICT, false",
        "412, CONFLICT, false",
        "400, INTERNAL, false",
        "401, INTERNAL, false",
        "403, INTERNAL, false",
        "408, INTERNAL, false",
        "422, INTERNAL, false",
        "101, UPSTREAM_UNAVAILABLE, true",
    })
    void failingStatusesMapToKindsOnlyServerSideOnesTransient(int status, ErrorKind kind, boolean transientKind) {
        ZerverError error = HttpFailures.ofStatus(status).error();

        assertThat(error).isEqualTo(ZerverError.of(kind, "http", "status_" + status));
        assertThat(error.kind().isTransient()).isEqualTo(transientKind);
    }

    @Test
    void noAnswerIsUnavailableAndCountsAgainstTheHost() {
        ZerverError refused = HttpFailures.of(new ConnectException("Connection refused")).error();
        ZerverError reset = HttpFailures.of(new IOException("Connection reset by peer")).error();

        assertThat(refused).isEqualTo(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "http", "unavailable"));
        assertThat(reset).isEqualTo(refused);
        assertThat(HttpFailures.countsAgainstHost(HttpFailures.of(new ConnectException()))).isTrue();
    }

    @Test
    void poolAcquireTimeoutIsOverloadedAndNotTheHostsFault() {
        var exhausted = HttpFailures.of(new reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException(
                Duration.ofMillis(5)));

        assertThat(exhausted.error()).isEqualTo(ZerverError.of(ErrorKind.OVERLOADED, "http", "pool_exhausted"));
        assertThat(HttpFailures.countsAgainstHost(exhausted)).isFalse();
    }
}
