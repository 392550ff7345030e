package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.observation.DefaultZerverRequestObservationConvention;
import io.zerver.observation.ObservationTimelineObserver;
import io.zerver.observation.ZerverRequestContext;
import io.zerver.observation.ZerverRequestObservationConvention;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ZerverObservationAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    ZerverObservationAutoConfiguration.class));

    @Test
    void registersTheObserverWhenAnObservationRegistryIsPresent() {
        this.contextRunner.run(context -> {
            assertThat(context).hasSingleBean(ObservationTimelineObserver.class)
                    .hasSingleBean(ZerverTracingProperties.class);
            ObservationTimelineObserver observer = context.getBean(ObservationTimelineObserver.class);
            assertThat(observer.promoteQueueWait()).isEqualTo(Duration.ofMillis(5));
            assertThat(observer.promoteParkWait()).isEqualTo(Duration.ofMillis(5));
        });
    }

    @Test
    void timesTheChildrenOfUnsampledRequestsOnTheMeterRegistry() {
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context.getBean(ObservationTimelineObserver.class).timesUnsampledChildren())
                        .isTrue());
    }

    @Test
    void timesTheChildrenOfEveryRequestWhenTheApplicationHasNoTracer() {
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context.getBean(ObservationTimelineObserver.class).timesEveryChild())
                        .isTrue());
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(io.micrometer.tracing.Tracer.class, () -> io.micrometer.tracing.Tracer.NOOP)
                .run(context -> assertThat(context.getBean(ObservationTimelineObserver.class).timesEveryChild())
                        .isFalse());
    }

    @Test
    void observesTheChildrenOfUnsampledRequestsWhenAsked() {
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("zerver.tracing.observe-children=true")
                .run(context -> assertThat(context.getBean(ObservationTimelineObserver.class).timesUnsampledChildren())
                        .isFalse());
    }

    @Test
    void stillTakesTheFormerNameOfObserveChildren() {
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("zerver.tracing.observe-unsampled=true")
                .run(context -> assertThat(context.getBean(ObservationTimelineObserver.class).timesUnsampledChildren())
                        .isFalse());
    }

    @Test
    void observesEveryChildWithoutAMeterRegistry() {
        this.contextRunner.run(context -> assertThat(
                context.getBean(ObservationTimelineObserver.class).timesUnsampledChildren()).isFalse());
        this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(
                        context.getBean(ObservationTimelineObserver.class).timesUnsampledChildren()).isFalse());
    }

    @Test
    void backsOffWithoutAnObservationRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ZerverObservationAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ObservationTimelineObserver.class));
    }

    @Test
    void backsOffWithoutMicrometerObservation() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(ObservationTimelineObserver.class));
    }

    @Test
    void backsOffWhenDisabled() {
        this.contextRunner.withPropertyValues("zerver.tracing.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ObservationTimelineObserver.class));
    }

    @Test
    void bindsThePromotionThresholds() {
        this.contextRunner
                .withPropertyValues("zerver.tracing.promote-queue-wait=20ms", "zerver.tracing.promote-park-wait=1s")
                .run(context -> {
                    ObservationTimelineObserver observer = context.getBean(ObservationTimelineObserver.class);
                    assertThat(observer.promoteQueueWait()).isEqualTo(Duration.ofMillis(20));
                    assertThat(observer.promoteParkWait()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void userObserverTakesPrecedence() {
        ObservationTimelineObserver own = ObservationTimelineObserver.create(ObservationRegistry.NOOP);
        this.contextRunner.withBean(ObservationTimelineObserver.class, () -> own)
                .run(context -> assertThat(context).getBean(ObservationTimelineObserver.class).isSameAs(own));
    }

    @Test
    void observesThroughTheRegistryBeanWithConventionBeans() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ZerverObservationAutoConfiguration.class))
                .withBean(ObservationRegistry.class, () -> registry)
                .withBean(ZerverRequestObservationConvention.class, () -> new DefaultZerverRequestObservationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(ZerverRequestContext context) {
                        return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
                    }
                })
                .run(context -> {
                    ObservationTimelineObserver observer = context.getBean(ObservationTimelineObserver.class);
                    Timeline timeline = new Timeline("r1", "GET", "/x", 0, 0, observer);
                    observer.onStart(timeline);
                    timeline.add(new TimelineEvent.Finished(1, 204));

                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("zerver.requests").that()
                            .hasLowCardinalityKeyValue("tenant", "acme")
                            .hasLowCardinalityKeyValue("http.response.status_code", "204");
                });
    }
}
