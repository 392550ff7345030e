package io.zerver.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.observation.ObservationRegistry;
import io.zerver.autoconfigure.actuate.RecentTimelines;
import io.zerver.autoconfigure.actuate.ZerverActuatorAutoConfiguration;
import io.zerver.autoconfigure.effects.ZerverEffectsAutoConfiguration;
import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.autoconfigure.observation.ZerverObservationAutoConfiguration;
import io.zerver.core.engine.Engine;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.effects.ZerverEffects;
import io.zerver.observation.ObservationTimelineObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Every {@code zerver.*} property of the starter is checked when it is bound: a value out of range
 * fails start-up with Spring Boot's report naming the property, the value and the range, instead
 * of an exception from a core constructor naming a Java parameter; the boundary values are
 * accepted and build the core objects.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZerverPropertiesValidationTests {

    @TempDir
    static Path dataDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZerverEffectsAutoConfiguration.class,
                    ZerverEngineAutoConfiguration.class, ZerverActuatorAutoConfiguration.class,
                    ZerverObservationAutoConfiguration.class))
            .withBean(ObservationRegistry.class, ObservationRegistry::create)
            .withPropertyValues("zerver.data.dir=" + dataDir);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zerver.limits.max-body-size=0B                | zerver.limits.maxBodySize: 0B (expected: >= 1B)
            zerver.limits.max-json-depth=0                | zerver.limits.maxJsonDepth: 0 (expected: >= 1)
            zerver.limits.max-slots=0                     | zerver.limits.maxSlots: 0 (expected: >= 1)
            zerver.limits.max-effects-per-need=0          | zerver.limits.maxEffectsPerNeed: 0 (expected: >= 1)
            zerver.limits.max-in-flight-per-request=-1    | zerver.limits.maxInFlightPerRequest: -1 (expected: >= 1)
            zerver.engine.default-timeout=0s              | zerver.engine.defaultTimeout: PT0S (expected: > 0)
            zerver.engine.compensation-timeout=-1s        | zerver.engine.compensationTimeout: PT-1S (expected: > 0)
            zerver.scheduler.max-concurrent=0             | zerver.scheduler.maxConcurrent: 0 (expected: >= 1, or unset for one per event loop)
            zerver.scheduler.max-queued=-1                | zerver.scheduler.maxQueued: -1 (expected: >= 0)
            zerver.scheduler.aging-bound=-1ms             | zerver.scheduler.agingBound: PT-0.001S (expected: >= 0)
            zerver.budget.request-cpu=0ms                 | zerver.budget.requestCpu: PT0S (expected: > 0, or unset for no budget)
            zerver.bulkheads.per-target=-1                | zerver.bulkheads.perTarget: -1 (expected: >= 0, 0 for no cap)
            zerver.bulkheads.targets.db=0                 | zerver.bulkheads.targets[db]: 0 (expected: >= 1)
            zerver.bulkheads.targets[api.example.com]=0   | zerver.bulkheads.targets[api.example.com]: 0 (expected: >= 1)
            zerver.debug.recent-timelines=0               | zerver.debug.recentTimelines: 0 (expected: >= 1)
            zerver.debug.max-header-size=17B              | zerver.debug.maxHeaderSize: 17B (expected: >= 18B)
            zerver.debug.routes=GET                       | zerver.debug.routes[0]: 'GET' (expected: 'METHOD /pattern', '/pattern' or '*')
            zerver.effects.db.table=kv-pairs              | zerver.effects.db.table: 'kv-pairs' (expected: a letter or _, then up to 62 letters, digits or _)
            zerver.effects.db.idempotency-table=ZERVER_KV | zerver.effects.db.idempotencyTable: 'ZERVER_KV' (expected: a table other than db.table)
            zerver.effects.db.threads=-1                  | zerver.effects.db.threads: -1 (expected: >= 0, 0 for the pool size)
            zerver.effects.db.sqlite-pool-size=0          | zerver.effects.db.sqlitePoolSize: 0 (expected: >= 1)
            zerver.effects.http.connect-timeout=0s        | zerver.effects.http.connectTimeout: PT0S (expected: > 0 and <= 2147483647ms)
            zerver.effects.http.connect-timeout=2147484s  | zerver.effects.http.connectTimeout: PT596H31M24S (expected: > 0 and <= 2147483647ms)
            zerver.effects.http.max-connections=0         | zerver.effects.http.maxConnections: 0 (expected: >= 1)
            zerver.effects.http.max-response-size=0B      | zerver.effects.http.maxResponseSize: 0B (expected: 1B..2147483639B)
            zerver.effects.http.max-response-size=2GB     | zerver.effects.http.maxResponseSize: 2147483648B (expected: 1B..2147483639B)
            zerver.effects.cache.maximum-size=-1          | zerver.effects.cache.maximumSize: -1 (expected: >= 0)
            zerver.tracing.promote-queue-wait=-1ms        | zerver.tracing.promoteQueueWait: PT-0.001S (expected: >= 0)
            zerver.tracing.promote-park-wait=-1ms         | zerver.tracing.promoteParkWait: PT-0.001S (expected: >= 0)
            """)
    void outOfRangeValueFailsStartUpNamingThePropertyAndTheRange(String property, String reported) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(fieldErrors(context.getStartupFailure())).containsExactly(reported);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "zerver.limits.max-body-size=1B", "zerver.limits.max-json-depth=1",
            "zerver.limits.max-slots=1", "zerver.limits.max-effects-per-need=1",
            "zerver.limits.max-in-flight-per-request=1", "zerver.engine.default-timeout=1ns",
            "zerver.engine.compensation-timeout=1ns", "zerver.scheduler.max-concurrent=1",
            "zerver.scheduler.max-queued=0", "zerver.scheduler.aging-bound=0s", "zerver.budget.request-cpu=1ns",
            "zerver.bulkheads.per-target=0", "zerver.bulkheads.targets.db=1", "zerver.debug.recent-timelines=1",
            "zerver.effects.db.table=_", "zerver.effects.db.idempotency-table=x23456789012345678901234567890123456789012345678901234567890123",
            "zerver.effects.db.threads=0", "zerver.effects.db.sqlite-pool-size=1",
            "zerver.effects.http.connect-timeout=2147483647ms", "zerver.effects.http.max-connections=1",
            "zerver.effects.http.max-response-size=1B", "zerver.effects.http.max-response-size=2147483639B",
            "zerver.effects.cache.maximum-size=0", "zerver.tracing.promote-queue-wait=0s",
            "zerver.tracing.promote-park-wait=0s" })
    void boundaryValueIsAcceptedAndBuildsTheCoreObjects(String property) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Engine.class).hasSingleBean(SloScheduler.class)
                    .hasSingleBean(ZerverEffects.class).hasSingleBean(RecentTimelines.class)
                    .hasSingleBean(ObservationTimelineObserver.class);
        });
    }

    @Test
    void shortestTimelineHeaderIsAcceptedWhenDebugRoutesAreOn() {
        runner.withPropertyValues("zerver.debug.routes=*,GET /todos/{id}", "zerver.debug.max-header-size=18B")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Engine.class));
    }

    @Test
    void startUpFailureReportNamesThePropertyTheValueAndTheRange(CapturedOutput output) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThat(catchThrowable(() -> application.run(
                "--zerver.data.dir=" + dataDir, "--spring.main.banner-mode=off", "--zerver.limits.max-slots=0")))
                .isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START", "Property: zerver.limits.maxSlots",
                "Value: \"0\"", "Origin: \"zerver.limits.max-slots\" from property source \"commandLineArgs\"",
                "Reason: 0 (expected: >= 1)");
        assertThat(output).doesNotContain("maxSlots: 0");
    }

    /** The field errors of the binding failure in {@code failure}'s causes, as the report shows them. */
    private static List<String> fieldErrors(Throwable failure) {
        List<String> errors = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                for (ObjectError error : invalid.getValidationErrors()) {
                    String field = error instanceof FieldError f ? "." + f.getField() : "";
                    errors.add(error.getObjectName() + field + ": " + error.getDefaultMessage());
                }
            }
        }
        return errors;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ZerverEffectsAutoConfiguration.class, ZerverEngineAutoConfiguration.class })
    static class App {
    }
}
