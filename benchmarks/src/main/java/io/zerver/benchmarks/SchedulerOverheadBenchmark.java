package io.zerver.benchmarks;

import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * What the SLO step scheduler costs a request when the system is idle (target: under 1 µs
 * per request).
 *
 * <p>The same pipeline of {@code steps} steps in all ({@code steps - 1} no-op steps, then
 * one answering {@code Decision.done(Response.noContent())}) runs through
 * {@code engine.handle(GET /bench/items/42).block()} on an engine without a step scheduler
 * ({@code scheduler=none}) and on one with
 * {@code SloScheduler.create(SchedulerConfig.defaults(), SchedulerListener.none())}
 * ({@code scheduler=slo}). One thread sends one request at a time, so a slot is always free
 * and nothing is queued: every segment takes the scheduler's fast path
 * ({@code tryRunNow()} on the caller's thread, then {@code release()}). The idle cost per
 * request is {@code t(slo) - t(none)}. A pipeline without effects is one segment however
 * many steps it has, so the difference should not grow with {@code steps}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SchedulerOverheadBenchmark {

    static final String PATTERN = "/bench/items/:id";
    static final String PATH = "/bench/items/42";

    /** Steps in the pipeline, the answering one included. */
    @Param({"1", "4"})
    public int steps;

    /** {@code none}: no step scheduler; {@code slo}: the SLO scheduler with its defaults. */
    @Param({"none", "slo"})
    public String scheduler;

    private Engine engine;
    private Request request;

    @Setup
    public void setUp() {
        Step[] chain = new Step[steps];
        for (int i = 0; i < steps - 1; i++) {
            chain[i] = Step.of("noop_" + i, ctx -> Decision.next());
        }
        chain[steps - 1] = Step.of("answer", ctx -> Decision.done(Response.noContent()));
        Engine.Builder builder = Engine.builder().routes(Benchmarks.routes(PATTERN, chain));
        switch (scheduler) {
            case "none" -> { }
            case "slo" -> builder.stepScheduler(SloScheduler.create(SchedulerConfig.defaults(),
                    SchedulerListener.none()));
            default -> throw new IllegalArgumentException("scheduler: " + scheduler + " (expected: none or slo)");
        }
        engine = builder.build();
        request = Request.of("GET", PATH);
        Benchmarks.expect204(handle(), "handle, steps=" + steps + ", scheduler=" + scheduler);
        if (engine.stepScheduler().isPresent() != scheduler.equals("slo")) {
            throw new IllegalStateException("scheduler=" + scheduler + " but the engine has "
                    + engine.stepScheduler().map(s -> "one").orElse("none"));
        }
    }

    @Benchmark
    public @Nullable Response handle() {
        return engine.handle(request).block();
    }
}
