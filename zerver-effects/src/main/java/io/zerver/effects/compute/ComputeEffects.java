package io.zerver.effects.compute;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.core.config.InvalidValueException;
import io.zerver.core.effect.Compute;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.schedule.OverBudget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs {@link Compute} effects: the application registers named tasks; each runs on a
 * bounded pool where at most {@code concurrency} compute at once (a fair semaphore). A
 * task over its CPU budget either parks (gives its slot to waiting tasks, then continues)
 * or is rejected with 503, and the request's timeline records it.
 *
 * <pre>{@code
 * ComputeEffects compute = ComputeEffects.builder(ComputeConfig.defaults())
 *         .task("thumbnail", Image.class, (image, ctx) -> resize(image, ctx))
 *         .build();
 * compute.registerOn(handlers);
 * }</pre>
 */
public final class ComputeEffects implements AutoCloseable {

    private final ComputeConfig config;
    private final Map<String, Registered<?>> tasks;
    private final ThreadPoolExecutor pool;
    private final Semaphore slots;
    private final AtomicLong budgetExceeded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicInteger computing = new AtomicInteger();

    private ComputeEffects(ComputeConfig config, Map<String, Registered<?>> tasks) {
        this.config = config;
        this.tasks = Map.copyOf(tasks);
        this.slots = new Semaphore(config.concurrency(), true);
        // Threads beyond the compute slots hold parked tasks and tasks waiting for a slot.
        int threads = config.concurrency() * 2;
        AtomicInteger ids = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.maxQueued())), r -> {
                    Thread t = new Thread(r, "zerver-compute-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    public static Builder builder(ComputeConfig config) {
        return new Builder(requireNonNull(config, "config"));
    }

    /** Registers this as the handler of {@link Compute} effects. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder handlers) {
        return handlers.on(Compute.class, this::perform);
    }

    private Mono<Object> perform(Compute<?> effect, EffectContext context) {
        Registered<?> task = tasks.get(effect.task());
        if (task == null) {
            return Mono.error(new ZerverException(ErrorKind.INTERNAL, "compute", "unknown_task:" + effect.task()));
        }
        return Mono.create(sink -> {
            Future<?> future;
            try {
                future = pool.submit(() -> {
                    try {
                        sink.success(run(task, effect.input(), context));
                    } catch (Throwable e) {
                        sink.error(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                rejected.incrementAndGet();
                sink.error(new ZerverException(ErrorKind.OVERLOADED, "compute", "queue_full"));
                return;
            }
            sink.onCancel(() -> future.cancel(true));
        });
    }

    private Object run(Registered<?> task, @Nullable Object input, EffectContext context) throws Exception {
        slots.acquire();
        computing.incrementAndGet();
        try {
            Duration budget = task.budget() != null ? task.budget() : config.cpuBudget();
            OverBudget policy = task.budget() != null ? task.overBudget() : config.overBudget();
            BudgetedContext ctx = new BudgetedContext(task.name(), budget, policy, context, this);
            Object result = task.call(input, ctx);
            if (result == null) {
                throw new ZerverException(ErrorKind.INTERNAL, "compute", "null_result:" + task.name());
            }
            return result;
        } finally {
            computing.decrementAndGet();
            slots.release();
        }
    }

    /** Gives the caller's compute slot to waiting tasks and takes one back. */
    void yieldSlot() throws InterruptedException {
        computing.decrementAndGet();
        slots.release();
        slots.acquire();
        computing.incrementAndGet();
    }

    void budgetExceeded() {
        budgetExceeded.incrementAndGet();
    }

    /** Tasks computing now. */
    public int computing() {
        return computing.get();
    }

    /** Tasks waiting for a thread now. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Exposes the pool as {@code zerver.compute.*} meters. */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("zerver.compute.active", this, ComputeEffects::computing)
                .description("Compute tasks running").register(registry);
        Gauge.builder("zerver.compute.queued", this, ComputeEffects::queued)
                .description("Compute tasks waiting for a thread").register(registry);
        FunctionCounter.builder("zerver.compute.budget.exceeded", budgetExceeded, AtomicLong::doubleValue)
                .description("Compute tasks over their CPU budget").register(registry);
        FunctionCounter.builder("zerver.compute.rejected", rejected, AtomicLong::doubleValue)
                .description("Compute tasks refused because the queue was full").register(registry);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private record Registered<I>(String name, Class<I> inputType, ComputeTask<I, ?> task,
            @Nullable Duration budget, OverBudget overBudget) {

        Object call(@Nullable Object input, ComputeContext context) throws Exception {
            if (input != null && !inputType.isInstance(input)) {
                throw new ZerverException(ErrorKind.INTERNAL, "compute", "bad_input:" + name);
            }
            return task.compute(inputType.cast(input), context);
        }
    }

    /** Registers tasks. */
    public static final class Builder {

        private final ComputeConfig config;
        private final Map<String, Registered<?>> tasks = new HashMap<>();

        private Builder(ComputeConfig config) {
            this.config = config;
        }

        /** Registers {@code task} under {@code name}, under the pool's default budget. */
        public <I> Builder task(String name, Class<I> inputType, ComputeTask<I, ?> task) {
            return add(new Registered<>(name, inputType, task, null, config.overBudget()));
        }

        /** Registers {@code task} with its own CPU budget and policy. */
        public <I> Builder task(String name, Class<I> inputType, ComputeTask<I, ?> task, Duration cpuBudget,
                OverBudget overBudget) {
            requireNonNull(cpuBudget, "cpuBudget");
            if (cpuBudget.isNegative() || cpuBudget.isZero()) {
                throw new InvalidValueException("cpuBudget", cpuBudget, "> 0");
            }
            return add(new Registered<>(name, inputType, task, cpuBudget, requireNonNull(overBudget, "overBudget")));
        }

        private Builder add(Registered<?> registered) {
            requireNonNull(registered.name(), "name");
            requireNonNull(registered.inputType(), "inputType");
            requireNonNull(registered.task(), "task");
            if (tasks.putIfAbsent(registered.name(), registered) != null) {
                throw new IllegalArgumentException("task: '" + registered.name()
                        + "' registered twice (expected: one task per name)");
            }
            return this;
        }

        public ComputeEffects build() {
            return new ComputeEffects(config, tasks);
        }
    }
}
