package io.zerver.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineObserver;
import io.zerver.observation.ObservationTimelineObserver;
import io.zerver.observation.ServerObservations;
import io.zerver.observation.metrics.InFlightMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One small GET route as an embedded application serves it, without HTTP: the engine the
 * starter builds (the SLO scheduler, Zerver's observations with a meter registry and no tracer,
 * the in-flight gauge, a ring of recent timelines as the actuator keeps) answering
 * {@code GET /hello} with {@code hello} as {@code text/plain}, one step, with the match made
 * beforehand as the WebFlux adapter hands it over.
 *
 * <ul>
 *   <li>{@code observed = none}: the engine alone, no observer at all (the floor);</li>
 *   <li>{@code observed = nobody}: the observers are there but the observation registry has no
 *       handler (nobody listens), and no server observation;</li>
 *   <li>{@code observed = metrics}: as the echo app runs it: a server observation
 *       ({@code http.server.requests}, timed by Micrometer's meter handler) started per request,
 *       and the engine started in its scope ({@link ServerObservations#within}), which records
 *       {@code zerver.requests} and the step's timer directly.</li>
 * </ul>
 *
 * <p>{@code -prof gc} gives the bytes allocated per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RouteBenchmark {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    /** Who observes the request: {@code none}, {@code nobody} or {@code metrics}. */
    @Param({"none", "nobody", "metrics"})
    public String observed;

    private Engine engine;
    private ObservationRegistry registry;
    private Request request;
    private RouteMatch match;

    @Setup
    public void setUp() {
        Step hello = Step.of("hello",
                ctx -> Decision.done(new Response(200, Headers.of("Content-Type", "text/plain"), HELLO)));
        RouteTable table = RouteTable.builder().get("/hello", r -> r.steps(hello)).build();
        registry = ObservationRegistry.create();
        MeterRegistry meters = new SimpleMeterRegistry();
        Engine.Builder builder = Engine.builder().routes(table)
                .stepScheduler(SloScheduler.create(SchedulerConfig.defaults(), SchedulerListener.none()));
        switch (observed) {
            case "none" -> {
            }
            case "nobody", "metrics" -> {
                if (observed.equals("metrics")) {
                    registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                            .observationFilter(ServerObservations.nameFilter());
                }
                builder.observer(ObservationTimelineObserver.builder(registry)
                        .meterRegistry(meters, List.of(), List.of()).untraced(true).build());
                builder.observer(new InFlightMetrics(meters));
                builder.observer(new Recent(100));
            }
            default -> throw new IllegalArgumentException("observed: " + observed
                    + " (expected: none, nobody or metrics)");
        }
        engine = builder.build();
        request = new Request("GET", "/hello", "", Headers.of("Host", "127.0.0.1:8080", "Accept", "*/*",
                "User-Agent", "wrk"), new byte[0], null);
        match = table.match("GET", "/hello");
        Response response = handle();
        if (response == null || response.status() != 200) {
            throw new IllegalStateException("expected 200, got " + response);
        }
    }

    /** The request as the WebFlux adapter hands it to the engine, inside the server's observation when there is one. */
    @Benchmark
    public Response handle() {
        if (!observed.equals("metrics")) {
            return engine.handle(request, match).block();
        }
        Observation server = Observation.start("http.server.requests", registry);
        try {
            return ServerObservations.within(registry, server, true, () -> engine.handle(request, match)).block();
        } finally {
            server.stop();
        }
    }

    /** The last timelines answered, as the actuator's {@code RecentTimelines} keeps them. */
    private static final class Recent implements TimelineObserver {

        private final Timeline[] ring;
        private int next;

        Recent(int capacity) {
            this.ring = new Timeline[capacity];
        }

        @Override
        public synchronized void onFinish(Timeline timeline) {
            ring[next] = timeline;
            next = (next + 1) % ring.length;
        }
    }
}
