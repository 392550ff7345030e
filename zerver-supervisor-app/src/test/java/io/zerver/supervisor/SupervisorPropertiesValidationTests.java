package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

/**
 * The supervisor's zerver.features and zerver.ipc properties are checked at binding against the
 * types they are mapped onto (FeatureSettings, LinkServerOptions, LinkServerLifecycle): a value out
 * of range fails start-up naming the property, its value and what is expected.
 */
class SupervisorPropertiesValidationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void defaultsAreAccepted() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FeaturesProperties.class).leakChecks()).isEqualTo(5);
            assertThat(context.getBean(IpcProperties.class).drainTimeout()).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void refusesTooFewLeakChecks() {
        assertRefused("zerver.features.leak-checks=0", "leakChecks", "0 (expected: >= 1)");
    }

    @Test
    void refusesANegativeShutdownTimeout() {
        assertRefused("zerver.features.shutdown-timeout=-1s", "shutdownTimeout", "PT-1S (expected: >= 0)");
    }

    @Test
    void refusesTimesThatMustBePositive() {
        assertRefused("zerver.features.quiet-period=0s", "quietPeriod", "PT0S (expected: > 0)");
        assertRefused("zerver.features.max-settle=0s", "maxSettle", "PT0S (expected: > 0)");
        assertRefused("zerver.features.drain-timeout=0s", "drainTimeout", "PT0S (expected: > 0)");
        assertRefused("zerver.features.leak-check-interval=-1s", "leakCheckInterval", "PT-1S (expected: > 0)");
    }

    @Test
    void refusesANegativeLinkDrainTimeout() {
        assertRefused("zerver.ipc.drain-timeout=-1s", "drainTimeout", "PT-1S (expected: >= 0)");
    }

    @Test
    void refusesAFrameLimitBelow1KbOrBeyondTheLargestArray() {
        assertRefused("zerver.ipc.max-frame-size=1000B", "maxFrameSize", "1000B (expected: 1KB to 2147483639B)");
        assertRefused("zerver.ipc.max-frame-size=4GB", "maxFrameSize", "4294967296B (expected: 1KB to 2147483639B)");
    }

    private void assertRefused(String property, String field, String message) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof BindValidationException)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("binding validation failure of %s", property).isNotNull();
            FieldError error = ((BindValidationException) failure).getValidationErrors().getAllErrors().stream()
                    .filter(FieldError.class::isInstance).map(FieldError.class::cast).findFirst().orElseThrow();
            assertThat(error.getField()).isEqualTo(field);
            assertThat(error.getDefaultMessage()).isEqualTo(message);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ FeaturesProperties.class, IpcProperties.class })
    static class Bound {
    }
}
