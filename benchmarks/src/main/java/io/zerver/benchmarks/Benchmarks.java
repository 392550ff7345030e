package io.zerver.benchmarks;

import io.zerver.core.engine.Engine;
import io.zerver.core.http.Response;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/** What the benchmarks share: the route table they are served from, and sanity checks. */
final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * A small table with the benchmarked route ({@code GET pattern}) among a few others, so
     * that routing does some work: other lengths, another method, a literal sibling.
     */
    static RouteTable routes(String pattern, Step... steps) {
        Step other = Step.of("other", ctx -> Decision.done(Response.status(418)));
        return RouteTable.builder()
                .get("/health", r -> r.steps(other))
                .get("/bench", r -> r.steps(other))
                .get("/bench/items", r -> r.steps(other))
                .post("/bench/items", r -> r.steps(other))
                .get("/bench/items/new", r -> r.steps(other))
                .put(pattern, r -> r.steps(other))
                .delete(pattern, r -> r.steps(other))
                .get(pattern, r -> r.steps(steps))
                .get(pattern + "/tags/:tag", r -> r.steps(other))
                .build();
    }

    static Route route(RouteTable table, String method, String pattern) {
        for (Route r : table.routes()) {
            if (r.method().equals(method) && r.pattern().equals(pattern)) {
                return r;
            }
        }
        throw new IllegalStateException("no route " + method + " " + pattern + " in " + table);
    }

    /**
     * Applies the {@code timer} parameter: {@code default} keeps the engine's default timer
     * (the 1 ms wheel), {@code parallel} installs {@code Schedulers.parallel()} (the
     * engine's timer before the wheel), {@code inert} installs {@link InertTimer}.
     */
    static Engine.Builder withTimer(Engine.Builder builder, String timer) {
        switch (timer) {
            case "default" -> {
                return builder;
            }
            case "parallel" -> {
                return builder.scheduler(reactor.core.scheduler.Schedulers.parallel());
            }
            case "inert" -> {
                return builder.scheduler(new InertTimer());
            }
            default -> throw new IllegalArgumentException("timer: " + timer + " (expected: default, parallel or inert)");
        }
    }

    /** Fails the trial at set-up when the benchmarked pipeline does not answer 204. */
    static void expect204(@Nullable Response response, String what) {
        if (response == null || response.status() != 204) {
            throw new IllegalStateException(what + ": expected 204, got "
                    + (response == null ? "nothing" : response.status() + " " + response.bodyAsString()));
        }
    }

    /**
     * A timer that accepts every timeout and never fires it: arming and disarming cost
     * nothing beyond Reactor's own operators, and no thread is woken. For attributing cost
     * only ({@code -p timer=inert}); never a way to run an engine.
     */
    static final class InertTimer implements Scheduler {

        private static final Disposable NEVER = () -> { };

        @Override
        public Disposable schedule(Runnable task) {
            task.run();
            return NEVER;
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            return NEVER;
        }

        @Override
        public long now(TimeUnit unit) {
            return unit.convert(System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public Worker createWorker() {
            throw new UnsupportedOperationException("the inert timer has no workers");
        }
    }
}
