package io.zerver.benchmarks;

import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.Map;
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
 * The cost of running a pipeline of {@code steps} no-op steps.
 *
 * <p><b>How steps are counted.</b> The pipeline is {@code steps} no-op steps (each returns
 * {@link Decision#next()}) followed by <em>one</em> final step answering
 * {@code Decision.done(Response.noContent())}. The final step is always there (a pipeline
 * must answer) and is <em>not</em> counted in {@code steps}: with {@code steps = 0} the
 * pipeline has one step, with {@code steps = 16} it has seventeen. The fixed cost of a
 * request (request id, timeline, deadline timer, the final step, the response) is in every
 * figure, so the cost of one no-op step is the slope {@code (t(16) - t(0)) / 16}.
 *
 * <p>Two paths run the same pipeline:
 * <ul>
 *   <li>{@link #handle}: {@code engine.handle(request).block()}, routing
 *       {@code GET /bench/items/42} through a table of a few routes
 *       ({@code /bench/items/:id} matches);</li>
 *   <li>{@link #execute}: {@code engine.execute(engine.exchange(request, route, params),
 *       pipeline).block()}, no routing. {@code handle - execute} is the cost of routing (and
 *       of the small differences between the two entry points).</li>
 * </ul>
 *
 * <p>Everything runs on the calling thread: no step needs an effect (the request deadline
 * is still armed on the engine's timer; see {@link #timer}). Override the
 * annotation defaults from the command line ({@code -wi -w -i -r -f}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PipelineBenchmark {

    static final String PATTERN = "/bench/items/:id";
    static final String PATH = "/bench/items/42";

    /** No-op steps before the final answering step (which is not counted). */
    @Param({"0", "1", "4", "16"})
    public int steps;

    /**
     * The engine's timer: {@code default} (the engine's 1 ms wheel), {@code parallel}
     * ({@code Schedulers.parallel()}), or {@code inert}, a timer that never fires ({@code -p timer=default,parallel,inert}), to tell how
     * much of the fixed cost is arming the request deadline on a real scheduler.
     */
    @Param({"default"})
    public String timer;

    private Engine engine;
    private Request request;
    private Pipeline pipeline;
    private String routeName;
    private Map<String, String> params;

    @Setup
    public void setUp() {
        Step[] chain = new Step[steps + 1];
        for (int i = 0; i < steps; i++) {
            chain[i] = Step.of("noop_" + i, ctx -> Decision.next());
        }
        chain[steps] = Step.of("answer", ctx -> Decision.done(Response.noContent()));
        RouteTable table = Benchmarks.routes(PATTERN, chain);
        engine = Benchmarks.withTimer(Engine.builder().routes(table), timer).build();
        request = Request.of("GET", PATH);
        Route route = Benchmarks.route(table, "GET", PATTERN);
        pipeline = route.pipeline();
        routeName = route.pattern();
        params = Map.of("id", "42");
        Benchmarks.expect204(handle(), "handle, steps=" + steps);
        Benchmarks.expect204(execute(), "execute, steps=" + steps);
    }

    /** Routed: the whole {@code Engine.handle} path. */
    @Benchmark
    public Response handle() {
        return engine.handle(request).block();
    }

    /** Direct: exchange + execute, no routing. */
    @Benchmark
    public Response execute() {
        return engine.execute(engine.exchange(request, routeName, params), pipeline).block();
    }
}
