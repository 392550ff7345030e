package io.zerver.test;

import static java.util.Objects.requireNonNull;

import io.zerver.core.engine.Engine;
import io.zerver.core.engine.Exchange;
import io.zerver.core.engine.RequestLimits;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Runs one step, or a whole pipeline, against a request in milliseconds: no server, no
 * I/O, time virtual, effects answered by {@link FakeEffects}.
 *
 * <pre>{@code
 * ReqTest t = ReqTest.get("/todos/1").param("id", "1").seed(USER, "ann");
 * t.effects().on(DbGet.class).succeed("{\"title\":\"milk\"}");
 *
 * Decision d = t.step(loadTodo).decision();          // one step: inspect the decision
 * ReqTest.Result r = t.run(loadTodo, renderTodo);   // the pipeline: effects, continuations, answer
 * assertThat(r.response().status()).isEqualTo(200);
 * }</pre>
 *
 * <p>Seeded slots count as written before the first step, so a pipeline that reads them
 * validates. The clock starts at 2026-01-01T00:00:00Z and randomness is seeded, so runs
 * are repeatable.
 */
public final class ReqTest {

    static final String SEED_STEP = "reqtest.seed";

    private Request request;
    private String route;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<Slot<?>, Object> seeds = new LinkedHashMap<>();
    private final FakeEffects effects = new FakeEffects();
    private Duration timeout = Duration.ofSeconds(10);
    private RequestLimits limits = RequestLimits.defaults();
    private long randomSeed = 42;

    private ReqTest(Request request) {
        this.request = request;
        this.route = request.path();
    }

    /** A test of {@code request}. */
    public static ReqTest of(Request request) {
        return new ReqTest(requireNonNull(request, "request"));
    }

    public static ReqTest get(String target) {
        return of(Request.of("GET", target));
    }

    public static ReqTest post(String target, String body) {
        return of(Request.of("POST", target).withBody(body).withHeader("Content-Type", "application/json"));
    }

    public ReqTest header(String name, String value) {
        request = request.withHeader(name, value);
        return this;
    }

    public ReqTest body(String body) {
        request = request.withBody(body);
        return this;
    }

    /** A path parameter, as the router would have extracted it. */
    public ReqTest param(String name, String value) {
        params.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
        return this;
    }

    /** The route pattern steps see through {@code ctx.route()}. */
    public ReqTest route(String pattern) {
        this.route = requireNonNull(pattern, "pattern");
        return this;
    }

    /** Writes {@code slot} as an earlier step would have. */
    public <T> ReqTest seed(Slot<T> slot, T value) {
        seeds.put(requireNonNull(slot, "slot"), slot.cast(requireNonNull(value, "value")));
        return this;
    }

    /** The request deadline. Default 10 s (of virtual time). */
    public ReqTest timeout(Duration deadline) {
        this.timeout = requireNonNull(deadline, "deadline");
        return this;
    }

    public ReqTest limits(RequestLimits newLimits) {
        this.limits = requireNonNull(newLimits, "limits");
        return this;
    }

    public ReqTest randomSeed(long seed) {
        this.randomSeed = seed;
        return this;
    }

    /** Scripts what effects answer. */
    public FakeEffects effects() {
        return effects;
    }

    /** Runs {@code step} alone and returns its decision; no effect is performed. */
    public StepRun step(Step step) {
        requireNonNull(step, "step");
        Harness harness = harness();
        Exchange exchange = harness.engine.exchange(request, route, params);
        seeds.forEach((slot, value) -> seedInto(exchange, slot, value));
        Decision decision;
        try {
            decision = step.function().apply(exchange.viewFor(step));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("step '" + step.name() + "' threw", e);
        }
        return new StepRun(decision, exchange);
    }

    /**
     * Runs {@code steps} as a validated pipeline: effects answered by the script,
     * continuations followed, the deadline enforced, until the pipeline answers.
     */
    public Result run(Step... steps) {
        List<Step> global = new ArrayList<>();
        if (!seeds.isEmpty()) {
            global.add(seedStep());
        }
        return run(Pipeline.of(request.method() + " " + route, global, List.of(), List.of(steps)));
    }

    /** Runs a pipeline built elsewhere (seeded slots are written before it starts). */
    public Result run(Pipeline pipeline) {
        requireNonNull(pipeline, "pipeline");
        Harness harness = harness();
        Exchange exchange = harness.engine.exchange(request, route, params);
        boolean seedsInPipeline = !pipeline.steps().isEmpty() && pipeline.step(0).name().equals(SEED_STEP);
        if (!seedsInPipeline) {
            seeds.forEach((slot, value) -> seedInto(exchange, slot, value));
        }
        AtomicReference<Response> response = new AtomicReference<>();
        Disposable running = harness.engine.execute(exchange, pipeline).subscribe(response::set);
        long limitNanos = timeout.toNanos() + Duration.ofMinutes(1).toNanos();
        long stepNanos = Duration.ofMillis(1).toNanos();
        for (long waited = 0; response.get() == null && waited <= limitNanos; waited += stepNanos) {
            harness.time.advanceTimeBy(Duration.ofNanos(stepNanos));
        }
        running.dispose();
        if (response.get() == null) {
            throw new AssertionError("the pipeline did not answer within its deadline plus a minute of virtual time");
        }
        return new Result(response.get(), exchange, harness.finished.get(), effects);
    }

    private Step seedStep() {
        Map<Slot<?>, Object> values = Map.copyOf(seeds);
        return Step.named(SEED_STEP).writes(values.keySet().toArray(new Slot<?>[0])).run(ctx -> {
            values.forEach((slot, value) -> putInto(ctx, slot, value));
            return Decision.next();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> void putInto(io.zerver.core.step.StepContext ctx, Slot<T> slot, Object value) {
        ctx.put(slot, (T) value);
    }

    @SuppressWarnings("unchecked")
    private static <T> void seedInto(Exchange exchange, Slot<T> slot, Object value) {
        exchange.seed(slot, (T) value);
    }

    private Harness harness() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicReference<Timeline> finished = new AtomicReference<>();
        SplittableRandom random = new SplittableRandom(randomSeed);
        Engine engine = Engine.builder()
                .scheduler(time)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .random(() -> random)
                .defaultTimeout(timeout)
                .limits(limits)
                .handlers(effects.handlers(time))
                .observer(new TimelineObserver() {
                    @Override
                    public void onFinish(Timeline timeline) {
                        finished.set(timeline);
                    }
                })
                .build();
        return new Harness(engine, time, finished);
    }

    private record Harness(Engine engine, VirtualTimeScheduler time, AtomicReference<Timeline> finished) {
    }

    /** The decision of one step, and the slots it wrote. */
    public record StepRun(Decision decision, Exchange exchange) {

        public <T> java.util.Optional<T> slot(Slot<T> slot) {
            return exchange.slot(slot);
        }
    }

    /**
     * A finished pipeline run.
     *
     * @param response what the client got
     * @param exchange the request's slots and timeline
     * @param timeline the complete timeline
     * @param effects the effects performed
     */
    public record Result(Response response, Exchange exchange, Timeline timeline, FakeEffects effects) {

        public int status() {
            return response.status();
        }

        public String body() {
            return response.bodyAsString();
        }

        public <T> java.util.Optional<T> slot(Slot<T> slot) {
            return exchange.slot(slot);
        }
    }
}
