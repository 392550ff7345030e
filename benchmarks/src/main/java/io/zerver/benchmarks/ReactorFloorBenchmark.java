package io.zerver.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reference points, not engine code: what the Reactor building blocks the engine uses once
 * per request and once per effect cost on this machine. They put the engine figures of
 * {@link PipelineBenchmark} and {@link EffectsBenchmark} in proportion.
 *
 * <ul>
 *   <li>{@link #timeout}: {@code Mono.just(x).timeout(1 s, Schedulers.parallel()).block()}:
 *       the timeout operator as the
 *       engine arms for the request deadline and for every effect attempt
 *       ({@code Mono.just(x).block()} alone is free: the JIT folds it);</li>
 *   <li>{@link #scheduleCancel}: arming and disarming one timer on
 *       {@code Schedulers.parallel()}, what {@code timeout} does underneath.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ReactorFloorBenchmark {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Runnable NOTHING = () -> { };

    private final String value = "value";
    private final Scheduler timer = Schedulers.parallel();

    @Benchmark
    public String timeout() {
        return Mono.just(value).timeout(SECOND, timer).block();
    }

    @Benchmark
    public Disposable scheduleCancel() {
        Disposable task = timer.schedule(NOTHING, 1, TimeUnit.SECONDS);
        task.dispose();
        return task;
    }
}
