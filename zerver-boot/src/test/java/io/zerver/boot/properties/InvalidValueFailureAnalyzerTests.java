package io.zerver.boot.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.core.config.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A value a bean's code sets and a core type refuses is explained in Boot's start-up failure report. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidValueFailureAnalyzerTests {

    @Test
    void namesTheRefusedValueAndWhatIsExpected() {
        FailureAnalysis analysis = new InvalidValueFailureAnalyzer()
                .analyze(new IllegalStateException("bean failed", new InvalidValueException("poolSize", 0, "1..64")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("poolSize: 0", "Expected: 1..64");
        assertThat(analysis.getAction()).contains("Change the code that sets 'poolSize'", "that is 1..64");
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new InvalidValueFailureAnalyzer().analyze(new IllegalArgumentException("poolSize: 0"))).isNull();
    }

    @Test
    void isRegisteredSoBootsFailureReportShowsIt(CapturedOutput output) {
        SpringApplication application = new SpringApplication(RefusedByTheCore.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off")).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START", "maxSlots: 0", "Expected: >= 1",
                "Change the code that sets 'maxSlots'");
    }

    @Configuration(proxyBeanMethods = false)
    static class RefusedByTheCore {

        @Bean
        String refused() {
            throw new InvalidValueException("maxSlots", 0, ">= 1");
        }
    }
}
