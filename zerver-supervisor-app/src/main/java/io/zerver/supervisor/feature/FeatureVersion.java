package io.zerver.supervisor.feature;

import io.zerver.autoconfigure.engine.ZerverRoutes;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One loaded version of a feature: its own class loader and child context, the routes it
 * declares, and a count of the requests running on it. A version is entered by each request it
 * serves; once {@linkplain #closeIfIdle() closed} it admits no more.
 */
public final class FeatureVersion {

    /** Where a version is in its life. */
    public enum State {
        /** Serving new requests. */
        ACTIVE,
        /** Replaced or removed; finishing the requests it already has. */
        DRAINING,
        /** Closed: context shut, loader released. */
        RETIRED
    }

    private static final int CLOSED = Integer.MIN_VALUE;

    private final FeatureDescriptor descriptor;
    private final int number;
    private final Path source;
    private final Path staged;
    private final URLClassLoader loader;
    private final ConfigurableApplicationContext context;
    private final List<ZerverRoutes> declarations;
    private final RouteTable routes;
    private final Instant loadedAt;
    private final long loadMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile State state = State.ACTIVE;

    FeatureVersion(FeatureDescriptor descriptor, int number, Path source, Path staged, URLClassLoader loader,
            ConfigurableApplicationContext context, List<ZerverRoutes> declarations, RouteTable routes,
            Instant loadedAt, long loadMillis) {
        this.descriptor = descriptor;
        this.number = number;
        this.source = source;
        this.staged = staged;
        this.loader = loader;
        this.context = context;
        this.declarations = List.copyOf(declarations);
        this.routes = routes;
        this.loadedAt = loadedAt;
        this.loadMillis = loadMillis;
    }

    public String name() {
        return descriptor.name();
    }

    /** The version number the supervisor gave it: 1, 2, 3... per feature. */
    public int number() {
        return number;
    }

    public FeatureDescriptor descriptor() {
        return descriptor;
    }

    /** The jar in the features directory this version came from. */
    public Path source() {
        return source;
    }

    public List<Route> routes() {
        return routes.routes();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** How long opening, starting and validating this version took. */
    public long loadMillis() {
        return loadMillis;
    }

    public State state() {
        return state;
    }

    /** Requests running on this version now. */
    public int inFlight() {
        return Math.max(0, inFlight.get());
    }

    /** The feature's own context (parent: the supervisor's). */
    public ConfigurableApplicationContext context() {
        return context;
    }

    List<ZerverRoutes> declarations() {
        return declarations;
    }

    /** Admits one request, unless the version is already closed. Pair with {@link #exit()}. */
    public boolean tryEnter() {
        for (;;) {
            int n = inFlight.get();
            if (n == CLOSED) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** One admitted request finished. */
    public void exit() {
        inFlight.decrementAndGet();
    }

    void draining() {
        state = State.DRAINING;
    }

    /** Closes the gate if no request is running: from then on {@link #tryEnter()} fails. */
    boolean closeIfIdle() {
        return inFlight.compareAndSet(0, CLOSED);
    }

    /** Closes the gate whatever is running (the drain timeout passed). */
    void closeNow() {
        inFlight.set(CLOSED);
    }

    /** Shuts the context, releases the loader and deletes the staged copy of the jar. */
    void retire() {
        closeNow();
        state = State.RETIRED;
        FeatureLoader.release(context, loader, staged);
    }

    @Override
    public String toString() {
        return name() + " v" + number + " (" + descriptor.label() + ", " + state + ")";
    }
}
