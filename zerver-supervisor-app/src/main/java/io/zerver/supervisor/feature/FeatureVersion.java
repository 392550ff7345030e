package io.zerver.supervisor.feature;

import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/**
 * One loaded version of a feature: its own class loader and child context, the route table its
 * declarations built (once, when it loaded; each route carries this version, so a match names
 * its owner), and a count of the requests running on it. A version is entered by each request
 * it serves; once it drains and its last request exits, it admits no more and says so through
 * {@link #drained()}.
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

    private final FeatureDescriptor descriptor;
    private final int number;
    private final Path source;
    private final Path staged;
    private final String sourceStamp;
    private final Instant loadedAt;
    private final long loadMillis;
    private final DrainGate gate = new DrainGate();
    // Dropped when the version retires, so nothing here keeps its class loader reachable.
    private volatile @Nullable FeatureClassLoader loader;
    private volatile @Nullable ConfigurableApplicationContext context;
    private volatile RouteTable table;
    private volatile State state = State.ACTIVE;
    private volatile @Nullable Instant drainingSince;

    FeatureVersion(FeatureDescriptor descriptor, int number, Path source, Path staged, FeatureClassLoader loader,
            ConfigurableApplicationContext context, RouteTable routes, Instant loadedAt, long loadMillis,
            String sourceStamp) {
        this.sourceStamp = sourceStamp;
        this.descriptor = descriptor;
        this.number = number;
        this.source = source;
        this.staged = staged;
        this.loader = loader;
        this.context = context;
        this.loadedAt = loadedAt;
        this.loadMillis = loadMillis;
        // Last: the routes carry this version, and nothing reads them before it is published.
        this.table = routes.attach(this);
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
        return table.routes();
    }

    /** The routes this version declares, each carrying this version; empty once retired. */
    RouteTable table() {
        return table;
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
        return gate.inFlight();
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
        return gate.abandoned();
    }

    /**
     * Completes when this version, draining, has no request left: it admits none from then on.
     */
    Mono<Void> drained() {
        return gate.drained();
    }

    /** Admits one request, unless the version is already closed. Pair with {@link #exit()}. */
    public boolean tryEnter() {
        return gate.tryEnter();
    }

    /** One admitted request finished; the last one of a draining version completes its drain. */
    public void exit() {
        gate.exit();
    }

    /** Stops serving new requests (a newer routing no longer has this version) and drains. */
    void draining(Instant now) {
        drainingSince = now;
        state = State.DRAINING;
        gate.drain();
    }

    /**
     * Closes the gate whatever is running (the drain timeout passed) and answers the requests
     * still running.
     *
     * @return how many requests were abandoned
     */
    int closeNow() {
        return gate.abandon();
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
        List<String> drivers = FeatureRelease.release(context, releasing, staged);
        context = null;
        loader = null;
        table = RouteTable.empty();
        return new Retirement(name(), number, descriptor.label(), Instant.now(),
                releasing == null ? new WeakReference<>(null) : releasing.watch(),
                Retirement.strayThreads(releasing), drivers);
    }

    @Override
    public String toString() {
        return name() + " v" + number + " (" + descriptor.label() + ")";
    }
}
