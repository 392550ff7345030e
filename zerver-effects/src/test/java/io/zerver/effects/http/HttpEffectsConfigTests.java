package io.zerver.effects.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerver.core.config.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpEffectsConfigTests {

    private final HttpEffectsConfig defaults = HttpEffectsConfig.defaults();

    @Test
    void defaultsAreSafe() {
        assertThat(defaults.maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(defaults.followRedirects()).isFalse();
        assertThat(defaults.compression()).isFalse();
        assertThat(defaults.breakerMinimumCalls()).isLessThanOrEqualTo(defaults.breakerSlidingWindowSize());
    }

    @Test
    void withersChangeOneThing() {
        HttpEffectsConfig changed = defaults.withMaxResponseBytes(1024).withFollowRedirects(true)
                .withBreakerWaitInOpenState(Duration.ofSeconds(1));

        assertThat(changed.maxResponseBytes()).isEqualTo(1024);
        assertThat(changed.followRedirects()).isTrue();
        assertThat(changed.breakerWaitInOpenState()).isEqualTo(Duration.ofSeconds(1));
        assertThat(changed.connectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(changed.breakerSlidingWindowSize()).isEqualTo(defaults.breakerSlidingWindowSize());
    }

    @Test
    void rejectsNonPositiveDurations() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withConnectTimeout(Duration.ZERO))
                .withMessage("connectTimeout: PT0S (expected: > 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withPendingAcquireTimeout(Duration.ofMillis(-1)))
                .withMessage("pendingAcquireTimeout: PT-0.001S (expected: > 0)");
        assertThatNullPointerException().isThrownBy(() -> defaults.withMaxIdleTime(null))
                .withMessage("maxIdleTime");
    }

    @Test
    void rejectsConnectTimeoutNettyCannotHold() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withConnectTimeout(Duration.ofDays(30)))
                .withMessage("connectTimeout: PT720H (expected: <= 2147483647 ms)");
    }

    @Test
    void rejectsResponseCapOutsideWhatAnArrayHolds() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxResponseBytes(0))
                .withMessage("maxResponseBytes: 0 (expected: 1..2147483639)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxResponseBytes(1L << 32))
                .withMessageStartingWith("maxResponseBytes: 4294967296 ");
    }

    @Test
    void rejectsBadBreakerSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBreakerFailureRateThreshold(0))
                .withMessage("breakerFailureRateThreshold: 0.0 (expected: > 0 and <= 100)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBreakerFailureRateThreshold(Float.NaN))
                .withMessageStartingWith("breakerFailureRateThreshold: NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBreakerWindow(5, 6))
                .withMessage("breakerMinimumCalls: 6 (expected: <= breakerSlidingWindowSize 5)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBreakerPermittedCallsInHalfOpenState(0))
                .withMessage("breakerPermittedCallsInHalfOpenState: 0 (expected: >= 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxConnectionsPerHost(0))
                .withMessage("maxConnectionsPerHost: 0 (expected: >= 1)");
    }

    @Test
    void refusedValueNamesItsComponentAndWhatIsExpectedApart() {
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
                () -> defaults.withMaxResponseBytes(0));

        assertThat(refused.name()).isEqualTo("maxResponseBytes");
        assertThat(refused.value()).isEqualTo(0L);
        assertThat(refused.expected()).isEqualTo("1..2147483639");
        assertThat(catchThrowableOfType(InvalidValueException.class, () -> defaults.withMaxConnectionsPerHost(0))
                .name()).isEqualTo("maxConnectionsPerHost");
    }
}
