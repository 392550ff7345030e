package io.zerver.supervisor.feature;

import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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
    private final String sourceStamp;
    private final Instant loadedAt;
    private final long loadMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Sinks.Empty<Void> abandoned = Sinks.empty();
    // Dropped when the version retires, so nothing here keeps its class loader reachable.
    private volatile @Nullable FeatureClassLoader loader;
    private volatile @Nullable ConfigurableApplicationContext context;
    private volatile List<ZerverRoutes> declarations;
    private volatile RouteTable routes;
    private volatile State state = State.ACTIVE;
    private volatile @Nullable Instant drainingSince;

    FeatureVersion(FeatureDescriptor descriptor, int number, Path source, Path staged, FeatureClassLoader loader,
            ConfigurableApplicationContext context, List<ZerverRoutes> declarations, RouteTable routes,
            Instant loadedAt, long loadMillis, String sourceStamp) {
        this.sourceStamp = sourceStamp;
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

    /** The size and modification time of the source jar when this version was loaded from it. */
    String sourceStamp() {
        return sourceStamp;
    }

    /** The jar in the features directory this version came from. */
    public Path source() {
        return source;
    }

    /** The routes this version declares; none once retired. */
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

    /** When this version stopped taking new requests, if it has. */
    public @Nullable Instant drainingSince() {
        return drainingSince;
    }

    /**
     * The feature's own context (parent: the supervisor's).
     *
     * @throws IllegalStateException once the version is retired
     */
    public ConfigurableApplicationContext context() {
        ConfigurableApplicationContext c = context;
        if (c == null) {
            throw new IllegalStateException(this + " is retired");
        }
        return c;
    }

    /** The version's class loader, or null once retired. */
    @Nullable FeatureClassLoader loader() {
        return loader;
    }

    /**
     * Completes when the version gives up on the requests still running (the drain timeout
     * passed): they are answered with a clean 503 rather than left to hang.
     */
    public Mono<Void> abandoned() {
        return abandoned.asMono();
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

    void draining(Instant now) {
        drainingSince = now;
        state = State.DRAINING;
    }

    /** Closes the gate if no request is running: from then on {@link #tryEnter()} fails. */
    boolean closeIfIdle() {
        return inFlight.compareAndSet(0, CLOSED);
    }

    /**
     * Closes the gate whatever is running (the drain timeout passed) and answers the requests
     * still running.
     *
     * @return how many requests were abandoned
     */
    int closeNow() {
        int running = inFlight.getAndSet(CLOSED);
        abandoned.tryEmitEmpty();
        return running == CLOSED ? 0 : running;
    }

    /**
     * Shuts the context, releases the loader and deletes the staged copy of the jar, then drops
     * every reference this object holds into the feature.
     *
     * @return what the supervisor did and found, and a weak handle on the loader to check that
     *     it is released
     */
    Retirement retire() {
        closeNow();
        state = State.RETIRED;
        FeatureClassLoader releasing = loader;
        List<String> drivers = FeatureLoader.release(context, releasing, staged);
        context = null;
        loader = null;
        declarations = List.of();
        routes = RouteTable.empty();
        return new Retirement(name(), number, descriptor.label(), Instant.now(),
                releasing == null ? new WeakReference<>(null) : releasing.watch(),
                Retirement.strayThreads(releasing), drivers);
    }

    @Override
    public String toString() {
        return name() + " v" + number + " (" + descriptor.label() + ", " + state + ")";
    }
}
