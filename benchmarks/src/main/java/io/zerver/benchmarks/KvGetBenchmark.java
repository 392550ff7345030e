package io.zerver.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SqliteDataSources;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A key/value read through the engine against the same read in a hand-written reactive
 * handler, on the same SQLite file (issue #3; target: the engine at least as fast).
 *
 * <p><b>Engine.</b> {@code engine.handle(GET /items/<id>)}: routing, then step {@code load}
 * needs {@code Effects.dbGet("item:" + id).into(ITEM)}, performed by {@link JdbcKvEffects}
 * on its own pool of JDBC threads, then the continuation {@code render} answers
 * {@code Response.text(200, value)}. Everything the engine does per request is in the
 * figure: request id, timeline, deadline, slot write, both steps.
 *
 * <p><b>Naive.</b> The body a hand-written WebFlux {@code HandlerFunction} would run for
 * the same route, given the path variable:
 * {@code Mono.fromCallable(() -> jdbc.sql("SELECT value FROM zerver_kv WHERE key = ?")
 * .param(key).query(String.class).optional()).subscribeOn(Schedulers.boundedElastic())},
 * mapped to {@code Response.text(200, value)} or 404. It runs in-process, with no HTTP and
 * no WebFlux routing: the comparison over HTTP comes with the WebFlux mounting (issue #4).
 *
 * <p><b>Handler.</b> The db get effect's handler alone, as the engine calls it:
 * {@code handler.perform(Effects.dbGet("item:" + id), context)}, mapped to the same responses
 * as the naive handler. Engine minus handler is what the engine adds to a db get (routing,
 * steps, slots, timeline, timers); handler minus naive is what {@link JdbcKvEffects} adds to, or
 * saves on, the hand-written JDBC call.
 *
 * <p>Each side has its own {@link SqliteDataSources} pool of {@value #POOL} connections on
 * the same file (WAL, {@code synchronous=NORMAL}), filled with {@value #KEYS} keys through
 * {@link JdbcKvEffects}. Keys are read in a fixed pseudo-random order, the same for both.
 *
 * <ul>
 *   <li>{@code latency*}: one request in flight, {@code AverageTime} in µs per request;</li>
 *   <li>{@code throughput*}: batches of {@value #BATCH} requests in flight at once
 *       ({@code Flux.flatMap(..., 64)}), so that the connection pool and the threads matter;
 *       {@code Throughput} in requests per second ({@code @OperationsPerInvocation(64)}).</li>
 * </ul>
 *
 * <p>Every answer is checked: a trial in which any request did not answer 200 fails at
 * tear-down, so that fast failures cannot pass for throughput.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class KvGetBenchmark {

    static final int KEYS = 1000;
    static final int POOL = 4;
    static final int BATCH = 64;
    static final String SELECT = "SELECT value FROM " + JdbcKvConfig.DEFAULT_TABLE + " WHERE key = ?";

    private static final EffectContext CONTEXT = new EffectContext("bench", 1, Duration.ofSeconds(10));
    private static final Slot<String> ITEM = Slot.of("item", String.class);
    private static final Step RENDER = Step.named("render").reads(ITEM)
            .run(ctx -> Decision.done(Response.text(200, ctx.require(ITEM))));
    private static final Step LOAD = Step.named("load").writes(ITEM).continuesWith(RENDER)
            .run(ctx -> Decision.need(Effects.dbGet("item:" + ctx.param("id").orElseThrow()).into(ITEM))
                    .then(RENDER));

    /**
     * The engine's timer: {@code default} (the 1 ms wheel), {@code parallel}
     * ({@code Schedulers.parallel()}) or {@code inert}, a timer that never fires
     * ({@code -p timer=default,parallel,inert}), to tell how much of the engine's cost is arming
     * the request deadline and the effect's timeout on a real scheduler. The naive handler
     * arms no timer and ignores it.
     */
    @Param({"default"})
    public String timer;

    /**
     * The meter registry {@link JdbcKvEffects} reports to: {@code none}, or {@code simple} (a
     * {@code SimpleMeterRegistry}, as in an application with the starter, which passes its
     * registry) ({@code -p meters=none,simple}). The naive handler reports nothing.
     */
    @Param({"none"})
    public String meters;

    /** A fixed pseudo-random order of key indices; a power of two long. */
    private static final int ORDER = 4096;

    private @Nullable Path dir;
    private HikariDataSource engineData;
    private JdbcKvEffects kv;
    private EffectHandler<Effect> handler;
    private Engine engine;
    private HikariDataSource naiveData;
    private JdbcClient jdbc;

    private final Request[] requests = new Request[KEYS];
    private final String[] ids = new String[KEYS];
    private final int[] order = new int[ORDER];
    private int cursor;
    private long failures;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("zerver-kvget");
        Path file = dir.resolve("kv.db");

        engineData = SqliteDataSources.create(file, POOL);
        kv = JdbcKvEffects.create(engineData, JdbcKvConfig.defaults(), switch (meters) {
            case "none" -> null;
            case "simple" -> new SimpleMeterRegistry();
            default -> throw new IllegalArgumentException("meters: " + meters + " (expected: none or simple)");
        });
        EffectHandlers handlers = kv.handlers();
        EffectContext context = new EffectContext("seed", 1, Duration.ofSeconds(10));
        for (int i = 0; i < KEYS; i++) {
            Effect put = Effects.dbPut(key(i), value(i));
            EffectHandler<Effect> handler = handlers.find(put);
            if (handler == null || !Boolean.TRUE.equals(handler.perform(put, context).block())) {
                throw new IllegalStateException("seeding " + key(i) + " failed");
            }
        }
        handler = handlers.find(Effects.dbGet(key(0)));
        engine = Benchmarks.withTimer(Engine.builder()
                .routes(RouteTable.builder().get("/items/:id", r -> r.steps(LOAD)).build())
                .handlers(handlers), timer)
                .build();

        naiveData = SqliteDataSources.create(file, POOL);
        jdbc = JdbcClient.create(naiveData);

        for (int i = 0; i < KEYS; i++) {
            ids[i] = Integer.toString(i);
            requests[i] = Request.of("GET", "/items/" + i);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ORDER; i++) {
            order[i] = random.nextInt(KEYS);
        }

        // Both sides answer the same, and a missing key is a 404 on both.
        for (int i : new int[] {0, 1, KEYS - 1}) {
            expect(engine.handle(requests[i]).block(), 200, value(i), "engine, " + key(i));
            expect(naive(ids[i]).block(), 200, value(i), "naive, " + key(i));
            expect(handler(ids[i]).block(), 200, value(i), "handler, " + key(i));
        }
        expect(engine.handle(Request.of("GET", "/items/missing")).block(), 404, null, "engine, missing key");
        expect(naive("missing").block(), 404, null, "naive, missing key");
        expect(handler("missing").block(), 404, null, "handler, missing key");
        List<Response> batch = Flux.range(0, BATCH).flatMap(i -> engine.handle(requests[i]), BATCH)
                .collectList().block();
        if (batch == null || batch.size() != BATCH || batch.stream().anyMatch(r -> r.status() != 200)) {
            throw new IllegalStateException("engine, a batch of " + BATCH + ": not all 200: " + batch);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        kv.close();
        engineData.close();
        naiveData.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " requests did not answer 200");
        }
    }

    /**
     * The naive handler's body: what a WebFlux {@code HandlerFunction} for
     * {@code GET /items/{id}} would run once WebFlux has extracted {@code id}.
     */
    Mono<Response> naive(String id) {
        String key = "item:" + id;
        return Mono.fromCallable(() -> jdbc.sql(SELECT).param(key).query(String.class).optional())
                .subscribeOn(Schedulers.boundedElastic())
                .map(value -> value.map(v -> Response.text(200, v)).orElseGet(() -> Response.status(404)));
    }

    /** The db get effect's handler alone, as the engine performs it, mapped to the naive handler's answers. */
    Mono<Response> handler(String id) {
        return handler.perform(Effects.dbGet("item:" + id), CONTEXT)
                .map(value -> Response.text(200, (String) value))
                .onErrorResume(ZerverException.class,
                        e -> Mono.just(Response.status(e.error().kind() == ErrorKind.NOT_FOUND ? 404 : 500)));
    }

    /** One request in flight through the engine. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public @Nullable Response latencyEngine(Cpu cpu) {
        return one(cpu, this::viaEngine);
    }

    /** One request in flight through the naive handler. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public @Nullable Response latencyNaive(Cpu cpu) {
        return one(cpu, this::viaNaive);
    }

    /** One request in flight through the db get handler alone. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public @Nullable Response latencyHandler(Cpu cpu) {
        return one(cpu, this::viaHandler);
    }

    /** {@value #BATCH} requests in flight at once through the db get handler alone; the score is per request. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public @Nullable Long throughputHandler(Cpu cpu) {
        return batch(cpu, this::viaHandler);
    }

    /** {@value #BATCH} requests in flight at once through the engine; the score is per request. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public @Nullable Long throughputEngine(Cpu cpu) {
        return batch(cpu, this::viaEngine);
    }

    /** {@value #BATCH} requests in flight at once through the naive handler; the score is per request. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public @Nullable Long throughputNaive(Cpu cpu) {
        return batch(cpu, this::viaNaive);
    }

    /**
     * The CPU time the whole process used per iteration, and the requests it served: their
     * quotient, CPU time per request (all threads: the caller, the JDBC threads, GC), is what
     * a request costs the machine, and barely moves with the load of other processes, which
     * the wall-clock scores do. JMH reports both fields as secondary metrics ({@code #}, per
     * iteration); {@code run.sh} divides them.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {

        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        /** Process CPU time over the iteration, in ns. */
        public long cpuNanos;
        /** Requests sent in the iteration. */
        public long requests;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            cpuNanos = 0;
            requests = 0;
            start = OS.getProcessCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = OS.getProcessCpuTime() - start;
        }
    }

    private Mono<Response> viaEngine(int key) {
        return engine.handle(requests[key]);
    }

    private Mono<Response> viaNaive(int key) {
        return naive(ids[key]);
    }

    private Mono<Response> viaHandler(int key) {
        return handler(ids[key]);
    }

    /** One request, to the next key in {@link #order}, through {@code side}; waits for its answer. */
    private @Nullable Response one(Cpu cpu, IntFunction<Mono<Response>> side) {
        cpu.requests++;
        return check(side.apply(order[next(1)]).block());
    }

    /** {@value #BATCH} requests at once, to the next keys in {@link #order}, through {@code side}; waits for all. */
    private @Nullable Long batch(Cpu cpu, IntFunction<Mono<Response>> side) {
        cpu.requests += BATCH;
        int base = next(BATCH);
        return count(Flux.range(0, BATCH).flatMap(i -> side.apply(order[(base + i) & (ORDER - 1)]), BATCH));
    }

    /** The first of {@code n} consecutive positions in {@link #order}. */
    private int next(int n) {
        int at = cursor;
        cursor = (at + n) & (ORDER - 1);
        return at;
    }

    private @Nullable Response check(@Nullable Response response) {
        if (response == null || response.status() != 200) {
            failures++;
        }
        return response;
    }

    /** Waits for the batch; counts the answers other than 200. */
    private @Nullable Long count(Flux<Response> responses) {
        Long bad = responses.filter(r -> r.status() != 200).count().block();
        failures += bad == null ? BATCH : bad;
        return bad;
    }

    private static void expect(@Nullable Response response, int status, @Nullable String body, String what) {
        if (response == null || response.status() != status
                || (body != null && !body.equals(response.bodyAsString()))) {
            throw new IllegalStateException(what + ": expected " + status + (body == null ? "" : " " + body)
                    + ", got " + (response == null ? "nothing" : response.status() + " " + response.bodyAsString()));
        }
    }

    private static String key(int i) {
        return "item:" + i;
    }

    private static String value(int i) {
        return "value-" + i;
    }
}
