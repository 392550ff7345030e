package io.zerver.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.zerver.core.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server observation offered as the root of the Zerver request it serves (embedded mode),
 * over a real OpenTelemetry tracer and Micrometer's meter handler, as Spring Boot wires them.
 */
class ServerObservationsTests {

    private final List<SdkTracerProvider> providers = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingHandler recorded = new RecordingHandler();
    private ObservationRegistry registry = ObservationRegistry.NOOP;
    private @Nullable OtelTracer tracer;

    @AfterEach
    void closeTracers() {
        providers.forEach(SdkTracerProvider::close);
    }

    /** The registry: a tracer sampling by {@code sampler} (none when null), the meter handler, the name filter. */
    private TodoRoutes app(@Nullable Sampler sampler, boolean withTimers) {
        registry = ObservationRegistry.create();
        if (sampler != null) {
            SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(sampler).build();
            providers.add(provider);
            tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
            });
            registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        }
        registry.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(recorded)
                .observationFilter(ServerObservations.nameFilter());
        ObservationTimelineObserver.Builder observer = ObservationTimelineObserver.builder(registry);
        if (withTimers) {
            observer.meterRegistry(meters, List.of(), List.of()).untraced(sampler == null);
        }
        TodoRoutes app = new TodoRoutes(observer.build());
        app.send("PUT", "/todos/1", "milk");
        recorded.started.clear();
        return app;
    }

    /** Serves {@code target} in the scope of a server observation offered as its root; returns that observation. */
    private Observation serve(TodoRoutes app, String target, AtomicReference<Response> answer) {
        Observation server = Observation.start("http.server.requests", registry);
        try (Observation.Scope scope = ServerObservations.openScope(registry, server, true)) {
            answer.set(app.get(target));
        }
        server.stop();
        return server;
    }

    @Test
    void sampledServerObservationIsTheRequestsSpan() {
        TodoRoutes app = app(Sampler.alwaysOn(), true);

        Observation server = serve(app, "/todos/1", new AtomicReference<>());

        assertThat(recorded.started).extracting(Observation.Context::getName)
                .containsExactly("http.server.requests", "zerver.steps", "zerver.effects", "zerver.steps");
        assertThat(server.getContext().getContextualName()).isEqualTo("GET /todos/:id");
        assertThat(server.getContext().getHighCardinalityKeyValues()).contains(
                KeyValue.of("http.route", "/todos/:id"), KeyValue.of("http.response.status_code", "200"),
                KeyValue.of("url.path", "/todos/1"));
        assertThat(server.getContext().getLowCardinalityKeyValues()).isEmpty();
        for (Observation.Context child : recorded.started.subList(1, 4)) {
            ObservationContextAssert.assertThat(child)
                    .hasParentObservationContextMatching(parent -> parent == server.getContext());
        }
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id").tag("http.request.method", "GET")
                .tag("error", "none").timer().count()).isEqualTo(1);
        assertThat(meters.get("http.server.requests").timer().getId().getTags())
                .extracting(tag -> tag.getKey()).containsExactly("error");
    }

    @Test
    void sampledServerObservationOfAFailedRequestKeepsItsOwnTimerTags() {
        TodoRoutes app = app(Sampler.alwaysOn(), true);

        Observation server = serve(app, "/boom", new AtomicReference<>());

        assertThat(server.getContext().getContextualName()).isEqualTo("GET /boom");
        assertThat(server.getContext().getError()).isNull();
        assertThat(server.getContext().getHighCardinalityKeyValues()).contains(
                KeyValue.of("error.type", "Internal"), KeyValue.of("http.response.status_code", "500"));
        assertThat(meters.get("zerver.requests").tag("http.route", "/boom").tag("error", UnsampledTimers.FAILURE)
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("http.server.requests").tag("error", "none").timer().count()).isEqualTo(1);
    }

    @Test
    void unsampledServerObservationIsCurrentWithoutTheTracersScopeWhenLogCorrelationIsOff() {
        TodoRoutes app = app(Sampler.alwaysOff(), true);
        Observation server = Observation.start("http.server.requests", registry);

        try (Observation.Scope scope = ServerObservations.openScope(registry, server, false)) {
            assertThat(registry.getCurrentObservation()).isSameAs(server);
            assertThat(tracer.currentSpan()).isNull();
            assertThat(app.get("/todos/1").status()).isEqualTo(200);
        }
        assertThat(registry.getCurrentObservation()).isNull();
        server.stop();

        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("http.server.requests");
        assertThat(server.getContext().getContextualName()).isNotEqualTo("GET /todos/:id");
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.steps").tag("step.name", "load").timer().count()).isEqualTo(1);
    }

    @Test
    void unsampledServerObservationOpensTheTracersScopeForLogCorrelation() {
        TodoRoutes app = app(Sampler.alwaysOff(), true);
        Observation server = Observation.start("http.server.requests", registry);

        try (Observation.Scope scope = ServerObservations.openScope(registry, server, true)) {
            assertThat(tracer.currentSpan()).isNotNull();
            assertThat(tracer.currentSpan().context().sampled()).isFalse();
            assertThat(app.get("/todos/1").status()).isEqualTo(200);
        }
        server.stop();

        assertThat(tracer.currentSpan()).isNull();
        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("http.server.requests");
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id").timer().count()).isEqualTo(1);
    }

    @Test
    void sampledServerObservationOpensTheTracersScope() {
        TodoRoutes app = app(Sampler.alwaysOn(), true);
        Observation server = Observation.start("http.server.requests", registry);

        try (Observation.Scope scope = ServerObservations.openScope(registry, server, true)) {
            assertThat(tracer.currentSpan()).isNotNull();
            assertThat(tracer.currentSpan().context().sampled()).isTrue();
        }
        server.stop();
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void withoutATracerTheServerObservationIsTheRequestsAndItsChildrenAreTimers() {
        TodoRoutes app = app(null, true);

        Observation server = serve(app, "/todos/1", new AtomicReference<>());

        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("http.server.requests");
        assertThat(server.getContext().getContextualName()).isEqualTo("GET /todos/:id");
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.steps").tag("step.name", "render").timer().count()).isEqualTo(1);
    }

    @Test
    void withoutTimersTheRequestStaysAnObservedChildOfTheServer() {
        TodoRoutes app = app(Sampler.alwaysOn(), false);

        Observation server = serve(app, "/todos/1", new AtomicReference<>());

        ObservationContextAssert.assertThat(recorded.named("GET /todos/:id"))
                .hasParentObservationContextMatching(parent -> parent == server.getContext());
        assertThat(server.getContext().getContextualName()).isNotEqualTo("GET /todos/:id");
    }

    @Test
    void requestStartedInAnOrdinaryScopeIsAChildOfIt() {
        TodoRoutes app = app(Sampler.alwaysOn(), true);

        Observation server = Observation.start("http.server.requests", registry);
        try (Observation.Scope scope = server.openScope()) {
            app.get("/todos/1");
        }
        server.stop();

        ObservationContextAssert.assertThat(recorded.named("GET /todos/:id"))
                .hasParentObservationContextMatching(parent -> parent == server.getContext());
    }

    @Test
    void nameFilterLeavesOtherObservationsAlone() {
        Observation.Context context = new Observation.Context();
        context.setContextualName("mine");

        assertThat(ServerObservations.nameFilter().map(context).getContextualName()).isEqualTo("mine");
    }
}
