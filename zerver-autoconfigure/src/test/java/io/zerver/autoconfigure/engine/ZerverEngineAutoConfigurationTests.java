package io.zerver.autoconfigure.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.PipelineValidationException;
import io.zerver.core.route.RouteTable;
import io.zerver.core.route.RouteTableSource;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class ZerverEngineAutoConfigurationTests {

    private static final Slot<String> USER = Slot.of("user", String.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class HelloRoutes {

        @Bean
        @Order(1)
        ZerverRoutes hello() {
            return routes -> routes.get("/hello", r -> r.steps(Step.of("hello", ctx ->
                    Decision.done(Response.text(200, "hello")))));
        }

        @Bean
        @Order(2)
        ZerverRoutes bye() {
            return routes -> routes.get("/bye", r -> r.steps(Step.of("bye", ctx ->
                    Decision.done(Response.text(200, "bye")))));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BrokenRoutes {

        @Bean
        ZerverRoutes broken() {
            return routes -> routes.get("/me", r -> r.steps(Step.named("whoami").reads(USER)
                    .run(ctx -> Decision.done(Response.text(200, ctx.require(USER))))));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {

        @Bean
        Engine myEngine() {
            return Engine.builder().build();
        }
    }

    @Test
    void servesEveryRoutesBeanThroughOneEngine() {
        runner.withUserConfiguration(HelloRoutes.class).run(context -> {
            Engine engine = context.getBean(Engine.class);
            assertThat(body(engine, "/hello")).isEqualTo("hello");
            assertThat(body(engine, "/bye")).isEqualTo("bye");
            assertThat(context.getBean(RouteTable.class).routes()).extracting(r -> r.pattern())
                    .containsExactly("/hello", "/bye");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class GuardedAndOpenRoutes {

        @Bean
        @Order(1)
        ZerverRoutes guarded() {
            return routes -> routes.before(Step.of("guard", ctx -> Decision.done(Response.text(403, "guarded"))))
                    .get("/guarded", r -> r.steps(Step.of("guarded", ctx -> Decision.done(Response.text(200, "in")))));
        }

        @Bean
        @Order(2)
        ZerverRoutes open() {
            return routes -> routes.get("/open", r -> r.steps(Step.of("open", ctx ->
                    Decision.done(Response.text(200, "open")))));
        }
    }

    @Test
    void aGlobalBeforeStepOfOneRoutesBeanRunsOnEveryBeansRoutes() {
        // Embedded, the beans share one builder; the supervisor keeps a feature's chain to its own routes.
        runner.withUserConfiguration(GuardedAndOpenRoutes.class).run(context -> {
            Engine engine = context.getBean(Engine.class);
            assertThat(body(engine, "/guarded")).isEqualTo("guarded");
            assertThat(body(engine, "/open")).isEqualTo("guarded");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SwappableRoutes {

        final java.util.concurrent.atomic.AtomicReference<RouteTable> current =
                new java.util.concurrent.atomic.AtomicReference<>(table("one"));

        static RouteTable table(String word) {
            return RouteTable.builder().get("/word", r -> r.steps(Step.of("word", ctx ->
                    Decision.done(Response.text(200, word))))).build();
        }

        @Bean
        RouteTableSource source() {
            return current::get;
        }
    }

    @Test
    void readsRoutesFromASourceOnEveryRequestWhenOneIsDefined() {
        runner.withUserConfiguration(SwappableRoutes.class, HelloRoutes.class).run(context -> {
            Engine engine = context.getBean(Engine.class);
            assertThat(body(engine, "/word")).isEqualTo("one");
            context.getBean(SwappableRoutes.class).current.set(SwappableRoutes.table("two"));
            assertThat(body(engine, "/word")).isEqualTo("two");
            assertThat(engine.handle(Request.of("GET", "/hello")).block(Duration.ofSeconds(5)).status())
                    .isEqualTo(404);
        });
    }

    @Test
    void startsWithNoRoutes() {
        runner.run(context -> assertThat(context).hasSingleBean(Engine.class).hasSingleBean(RouteTable.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsEngine() {
        runner.withUserConfiguration(OwnEngine.class)
                .run(context -> assertThat(context).hasSingleBean(Engine.class).hasBean("myEngine"));
    }

    @Test
    void invalidPipelineStopsStartUpWithAnExplanation() {
        runner.withUserConfiguration(BrokenRoutes.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            PipelineValidationException cause = findCause(failure, PipelineValidationException.class);
            FailureAnalysis analysis = new PipelineValidationFailureAnalyzer().analyze(failure);
            assertThat(cause).isNotNull();
            assertThat(analysis.getDescription()).contains("route 'GET /me'", "step 'whoami'", "slot 'user'");
            assertThat(analysis.getAction()).contains("every slot a step reads must be written");
        });
    }

    @Test
    void bindsLimitsAndTimeouts() {
        runner.withPropertyValues("zerver.limits.max-body-size=2KB", "zerver.limits.max-json-depth=8",
                "zerver.engine.default-timeout=3s").run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.limits().maxBodyBytes()).isEqualTo(2048);
                    assertThat(engine.limits().maxJsonDepth()).isEqualTo(8);
                    assertThat(context.getBean(ZerverEngineProperties.class).defaultTimeout())
                            .isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void invalidLimitStopsStartUpNamingThePropertyAndTheValue() {
        runner.withPropertyValues("zerver.limits.max-slots=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("zerver.limits").hasMessageContaining("field 'maxSlots'")
                    .hasMessageContaining("default message [0 (expected: >= 1)]");
        });
    }

    @Test
    void stepSchedulerRunsOneStepPerEventLoopByDefault() {
        runner.run(context -> assertThat(context.getBean(SloScheduler.class).config().maxConcurrent())
                .isEqualTo(Integer.getInteger("reactor.netty.ioWorkerCount",
                        Math.max(Runtime.getRuntime().availableProcessors(), 4)))
                .isGreaterThanOrEqualTo(4));
    }

    @Test
    void stepSchedulerIsOnByDefaultAndCanBeSwitchedOff() {
        runner.withPropertyValues("zerver.scheduler.max-concurrent=3", "zerver.scheduler.aging-bound=20ms")
                .run(context -> {
                    SloScheduler scheduler = context.getBean(SloScheduler.class);
                    assertThat(scheduler.config().maxConcurrent()).isEqualTo(3);
                    assertThat(scheduler.config().agingBound()).isEqualTo(Duration.ofMillis(20));
                    assertThat(context.getBean(Engine.class).stepScheduler()).contains(scheduler);
                });
        runner.withPropertyValues("zerver.scheduler.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(SloScheduler.class);
            assertThat(context.getBean(Engine.class).stepScheduler()).isEmpty();
        });
    }

    @Test
    void requestCpuBudgetReachesTheScheduler() {
        runner.withPropertyValues("zerver.budget.request-cpu=5ms", "zerver.budget.over-budget=reject")
                .run(context -> {
                    SloScheduler scheduler = context.getBean(SloScheduler.class);
                    assertThat(scheduler.config().requestCpuBudget()).isEqualTo(Duration.ofMillis(5));
                    assertThat(scheduler.config().overBudget().name()).isEqualTo("REJECT");
                });
    }

    @Test
    void bulkheadCapsComeFromProperties() {
        runner.withPropertyValues("zerver.bulkheads.targets.db=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                        .hasMessageContaining("field 'targets[db]'")
                        .hasMessageContaining("default message [0 (expected: >= 1)]"));
        runner.withPropertyValues("zerver.bulkheads.per-target=8", "zerver.bulkheads.targets.db=2")
                .run(context -> assertThat(context).hasSingleBean(Engine.class));
    }

    @Test
    void noRouteCarriesATimelineUnlessDebugIsOnForIt() {
        runner.withUserConfiguration(HelloRoutes.class).run(context -> {
            Engine engine = context.getBean(Engine.class);
            assertThat(timelineHeader(engine, "/hello")).isNull();
            assertThat(timelineHeader(engine, "/bye")).isNull();
        });
    }

    @Test
    void debugRoutesCarryTheirTimelineAndOnlyThey() {
        runner.withUserConfiguration(HelloRoutes.class).withPropertyValues("zerver.debug.routes=GET /hello")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(timelineHeader(engine, "/hello")).startsWith("{\"requestId\":")
                            .contains("\"route\":\"/hello\"");
                    assertThat(timelineHeader(engine, "/bye")).isNull();
                });
    }

    @Test
    void debugRoutesTakeBracedParametersAnyMethodOrEveryRoute() {
        runner.withUserConfiguration(ParamRoutes.class).withPropertyValues("zerver.debug.routes=/todos/{id}")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(timelineHeader(engine, "/todos/7")).contains("\"route\":\"/todos/:id\"");
                    assertThat(timelineHeader(engine, "/hello")).isNull();
                });
        runner.withUserConfiguration(ParamRoutes.class).withPropertyValues("zerver.debug.routes=*")
                .run(context -> assertThat(timelineHeader(context.getBean(Engine.class), "/hello")).isNotNull());
    }

    @Test
    void timelineHeaderStaysWithinItsBound() {
        runner.withUserConfiguration(ParamRoutes.class)
                .withPropertyValues("zerver.debug.routes=*", "zerver.debug.max-header-size=200B")
                .run(context -> assertThat(timelineHeader(context.getBean(Engine.class), "/todos/7"))
                        .hasSizeLessThanOrEqualTo(200).contains("\"truncated\":"));
    }

    @Test
    void malformedDebugRouteStopsStartUpNamingIt() {
        runner.withPropertyValues("zerver.debug.routes=GET /hello,todos").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("zerver.debug").hasMessageContaining("field 'routes[1]'")
                    .hasMessageContaining("default message ['todos' (expected: 'METHOD /pattern', '/pattern' or '*')]");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ParamRoutes {

        @Bean
        ZerverRoutes todos() {
            return routes -> routes
                    .get("/todos/:id", r -> r.steps(Step.of("a", ctx -> Decision.next()), Step.of("b",
                            ctx -> Decision.done(Response.text(200, ctx.param("id").orElseThrow())))))
                    .get("/hello", r -> r.steps(Step.of("hello", ctx -> Decision.done(Response.text(200, "hi")))));
        }
    }

    private static String timelineHeader(Engine engine, String path) {
        Response response = engine.handle(Request.of("GET", path)).block(Duration.ofSeconds(5));
        return response.header(Engine.TIMELINE_HEADER).orElse(null);
    }

    private static String body(Engine engine, String path) {
        return engine.handle(Request.of("GET", path)).map(Response::bodyAsString).block(Duration.ofSeconds(5));
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
