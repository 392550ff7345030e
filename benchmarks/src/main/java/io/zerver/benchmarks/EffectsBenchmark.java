package io.zerver.benchmarks;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepFunction;
import io.zerver.test.InMemoryKv;
import java.util.ArrayList;
import java.util.List;
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
 * The cost of {@code effects} in-memory {@code db.get} effects performed in parallel and
 * joined with {@code ALL} (the defaults of {@code Decision.need(...)}).
 *
 * <p>The pipeline is two steps: {@code load}, which needs {@code effects}
 * {@code Effects.dbGet("k<i>").into(slot<i>)} effects at once (with {@code effects = 0} it
 * returns {@code Decision.next()} instead: a need must have at least one effect), then
 * {@code answer}, which returns {@code Decision.done(Response.noContent())}. The handler is
 * {@link InMemoryKv}, pre-populated with every key, so each effect succeeds at once on the
 * calling thread and writes its slot. The cost of one effect is the slope
 * {@code (t(16) - t(0)) / 16}; it includes building the effect, the per-effect timeout, the
 * timeline events, the join and the slot write. {@code t(1) - t(0)} additionally includes
 * the fixed cost of one need (a join, a resume).
 *
 * <p>{@code timer} chooses the engine's timer; the figures in {@code docs/performance.md}
 * use the default, {@code parallel}.
 *
 * <p>The path is {@code engine.execute(engine.exchange(...), pipeline).block()}; routing is
 * measured apart in {@link PipelineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EffectsBenchmark {

    static final String PATTERN = "/bench/items/:id";
    static final String PATH = "/bench/items/42";

    /** In-memory db.get effects needed at once by the one loading step. */
    @Param({"0", "1", "4", "16"})
    public int effects;

    /**
     * The engine's timer: {@code default} (the engine's 1 ms wheel), {@code parallel}
     * ({@code Schedulers.parallel()}), or {@code inert}, a timer that never fires ({@code -p timer=default,parallel,inert}), to tell how
     * much of the cost is arming timeouts on a real scheduler.
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
        InMemoryKv kv = new InMemoryKv();
        Engine loader = Engine.builder().handlers(kv.handlers()).build();
        List<Slot<String>> slots = new ArrayList<>(effects);
        List<String> keys = new ArrayList<>(effects);
        for (int i = 0; i < effects; i++) {
            slots.add(Slot.of("v" + i, String.class));
            keys.add(key(i));
        }
        // Pre-populate through the engine itself: one put per key.
        for (int i = 0; i < effects; i++) {
            int index = i;
            Step put = Step.of("put", ctx -> Decision.need(Effects.dbPut(key(index), value(index))));
            Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));
            Response r = loader.execute(loader.exchange(Request.of("POST", "/seed"), "/seed", Map.of()),
                    Pipeline.of("seed", put, done)).block();
            Benchmarks.expect204(r, "seeding k" + i);
        }

        Slot<?>[] written = slots.toArray(new Slot<?>[0]);
        Step load = Step.named("load").writes(written).run(loadFunction(keys, slots));
        Step answer = Step.of("answer", ctx -> Decision.done(Response.noContent()));
        RouteTable table = Benchmarks.routes(PATTERN, load, answer);
        engine = Benchmarks.withTimer(Engine.builder().routes(table).handlers(kv.handlers()), timer).build();
        request = Request.of("GET", PATH);
        Route route = Benchmarks.route(table, "GET", PATTERN);
        pipeline = route.pipeline();
        routeName = route.pattern();
        params = Map.of("id", "42");

        // Check once that every effect really ran and wrote its slot.
        Step check = Step.named("check").reads(written).run(ctx -> {
            for (int i = 0; i < slots.size(); i++) {
                if (!value(i).equals(ctx.require(slots.get(i)))) {
                    return Decision.done(Response.status(500));
                }
            }
            return Decision.done(Response.noContent());
        });
        Response checked = engine.execute(engine.exchange(request, routeName, params),
                Pipeline.of("check", load, check)).block();
        Benchmarks.expect204(checked, "check, effects=" + effects);
        Benchmarks.expect204(execute(), "execute, effects=" + effects);
    }

    private static StepFunction loadFunction(List<String> keys, List<Slot<String>> slots) {
        if (slots.isEmpty()) {
            return ctx -> Decision.next();
        }
        // The effects are built per request, as a real step builds them; the key strings
        // are made once so that string building does not count as engine cost.
        return ctx -> {
            List<DbGet> gets = new ArrayList<>(slots.size());
            for (int i = 0; i < slots.size(); i++) {
                gets.add(Effects.dbGet(keys.get(i)).into(slots.get(i)));
            }
            return Decision.need(gets);
        };
    }

    private static String key(int i) {
        return "k" + i;
    }

    private static String value(int i) {
        return "value-" + i;
    }

    @Benchmark
    public Response execute() {
        return engine.execute(engine.exchange(request, routeName, params), pipeline).block();
    }
}
