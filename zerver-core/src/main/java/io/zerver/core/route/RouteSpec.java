package io.zerver.core.route;

import static java.util.Objects.requireNonNull;

import io.zerver.core.schedule.Priority;
import io.zerver.core.step.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a route or flow runs, declared in the callback of {@link RouteTable.Builder#route}:
 *
 * <pre>{@code
 * RouteTable.builder()
 *         .get("/todos/:id", r -> r.before(auth).steps(load, render).timeout(Duration.ofSeconds(2)))
 *         .build();
 * }</pre>
 */
public final class RouteSpec {

    private final List<Step> before = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private @Nullable Duration timeout;
    private Priority priority = Priority.INTERACTIVE;
    private boolean priorityHeader;

    RouteSpec() {
    }

    /** Appends to the route's before-chain, which runs after the global one. */
    public RouteSpec before(Step... steps) {
        add(before, steps);
        return this;
    }

    /** Appends to the route's main steps. */
    public RouteSpec steps(Step... steps) {
        add(this.steps, steps);
        return this;
    }

    /** The route's deadline, instead of the engine default. */
    public RouteSpec timeout(Duration timeout) {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        this.timeout = timeout;
        return this;
    }

    /** The priority class of the route's work. Default {@link Priority#INTERACTIVE}. */
    public RouteSpec priority(Priority priority) {
        this.priority = requireNonNull(priority, "priority");
        return this;
    }

    /**
     * Lets a request lower (never raise) its priority with {@code X-Zerver-Priority: batch}.
     * Off by default.
     */
    public RouteSpec allowPriorityHeader() {
        this.priorityHeader = true;
        return this;
    }

    private static void add(List<Step> to, Step[] steps) {
        requireNonNull(steps, "steps");
        for (Step s : steps) {
            to.add(requireNonNull(s, "step"));
        }
    }

    List<Step> beforeSteps() {
        return List.copyOf(before);
    }

    List<Step> mainSteps() {
        return List.copyOf(steps);
    }

    @Nullable Duration timeoutOrNull() {
        return timeout;
    }

    Priority priorityClass() {
        return priority;
    }

    boolean priorityHeaderAllowed() {
        return priorityHeader;
    }
}
