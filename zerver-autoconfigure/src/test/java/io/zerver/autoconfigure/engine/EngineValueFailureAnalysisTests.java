package io.zerver.autoconfigure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A value set by code and refused by a core type is explained in Boot's start-up failure report
 * (by zerver-boot's failure analyzer, which the starter's applications get through Boot's
 * {@code spring.factories}).
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineValueFailureAnalysisTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class));

    @Test
    void explainsAValueACustomizerSetNamingTheValueAndWhatIsExpected() {
        runner.withBean(ZerverEngineBuilderCustomizer.class,
                () -> builder -> builder.compensationTimeout(Duration.ofSeconds(-1)))
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("compensationTimeout: PT-1S", "Expected: > 0");
                    assertThat(analysis.getAction()).contains("ZerverEngineBuilderCustomizer", "that is > 0");
                });
    }

    @Test
    void bootsFailureReportShowsTheAnalysis(CapturedOutput output) {
        SpringApplication application = new SpringApplication(ZeroTimeout.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off")).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START", "defaultTimeout: PT0S", "Expected: > 0",
                "Change the code that sets 'defaultTimeout'");
    }

    /**
     * The analysis of the first registered analyzer that has one, as Boot's report takes it (skipping
     * Boot's analyzers that need the bean factory or environment to be made).
     */
    private static FailureAnalysis analyze(Throwable failure) {
        return SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> { }))
                .stream()
                .map(analyzer -> analyzer.analyze(failure)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ZerverEngineAutoConfiguration.class)
    static class ZeroTimeout {

        @Bean
        ZerverEngineBuilderCustomizer zeroTimeout() {
            return builder -> builder.defaultTimeout(Duration.ZERO);
        }
    }
}
