package io.zerver.supervisor.feature;

import io.zerver.core.route.RouteTableSource;
import io.zerver.core.route.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The features the supervisor hosts (docs/features.md). Loads every jar of the features directory at
 * start-up, then applies each change: a new or changed jar becomes a new version of its feature
 * (numbered 1, 2, 3...), swapped in with the whole {@link Routing} once it loaded, started and
 * validated; the version it replaces drains (finishes what it runs, up to the drain timeout) and
 * retires (context closed, loader released and checked for leaks). A jar that fails leaves the
 * old version serving and its failure on record; a removed jar drains its feature away.
 */
public final class FeatureRegistry implements RouteTableSource, SmartLifecycle {

    /** Starts before the link opens and stops after it has drained. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Log log = LogFactory.getLog(FeatureRegistry.class);
    private static final int RETIREMENTS_KEPT = 64;
    private static final long DRAIN_POLL_MILLIS = 5;

    private final FeatureLoader loader;
    private final FeatureSettings settings;
    private final ScheduledExecutorService executor;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, FeatureFailure> failures = new LinkedHashMap<>();
    private final List<Drain> draining = new CopyOnWriteArrayList<>();
    private final Deque<Retirement> retirements = new ArrayDeque<>();
    private final @Nullable FeatureWatcher watcher;
    private volatile Routing routing = Routing.EMPTY;
    private volatile boolean running;
    private boolean polling; // guarded by draining
    private final ReleaseChecks releaseChecks;

    private record Drain(FeatureVersion version, long deadlineNanos) {
    }

    FeatureRegistry(FeatureLoader loader, FeatureSettings settings) {
        this.loader = loader;
        this.settings = settings;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zerver-features");
            t.setDaemon(true);
            return t;
        });
        this.releaseChecks = new ReleaseChecks(settings.leakChecks(), settings.leakCheckInterval().toMillis(),
                RETIREMENTS_KEPT, this::later);
        this.watcher = settings.watch() ? new FeatureWatcher(settings.dir(), settings.quietPeriod(),
                settings.maxSettle(), executor, this::changed) : null;
    }

    /** A registry for the jars of {@code settings.dir()}, each loaded under {@code parent}. */
    public static FeatureRegistry create(ConfigurableApplicationContext parent, FeatureSettings settings) {
        return new FeatureRegistry(new FeatureLoader(parent, settings.stagingDir(), settings.shutdownTimeout()),
                settings);
    }

    /** What is served now. */
    public Routing routing() {
        return routing;
    }

    @Override
    public RouteTable get() {
        return routing.table();
    }

    public Path dir() {
        return settings.dir();
    }

    /** The last failure per jar, for jars whose latest attempt failed. */
    public synchronized List<FeatureFailure> failures() {
        return List.copyOf(failures.values());
    }

    /** Versions replaced or removed that still finish their requests. */
    public List<FeatureVersion> draining() {
        return draining.stream().map(Drain::version).toList();
    }

    /** The most recent retirements, newest first, with the outcome of their leak checks. */
    public synchronized List<Retirement> retirements() {
        return List.copyOf(retirements);
    }

    /** Retired versions whose class loader stayed reachable (the most recent, newest first). */
    public List<Retirement> leakSuspects() {
        return releaseChecks.suspects();
    }

    /** Retired versions whose class loader is still being checked. */
    public int pendingLeakChecks() {
        return releaseChecks.pending();
    }

    /** How many retired versions had their class loader collected since start-up. */
    public long releasedCount() {
        return releaseChecks.released();
    }

    /**
     * Applies the features directory as it is now: loads new and changed jars (a changed jar
     * becomes a new version even if its bytes are the same), drains features whose jar is gone.
     *
     * @param feature only this feature's jar, or null for every jar
     * @return the feature versions active afterwards
     */
    public synchronized List<FeatureVersion> reload(@Nullable String feature) {
        if (feature == null) {
            rescan(true);
        } else {
            FeatureVersion active = routing.version(feature);
            if (active == null) {
                throw new IllegalArgumentException("no active feature named '" + feature + "'");
            }
            apply(active.source());
        }
        return routing.active();
    }

    private void changed(Path path) {
        synchronized (this) {
            if (!running) {
                return;
            }
            if (path.equals(settings.dir())) {
                rescan(false);
                return;
            }
            FeatureVersion current = versionFrom(path);
            if (current != null && Files.isRegularFile(path)
                    && FeatureLoader.stamp(path).equals(current.sourceStamp())) {
                // A late event for a jar already loaded as it is now: nothing changed.
                return;
            }
            apply(path);
        }
    }

    /** Loads jars not loaded yet (or all of them when {@code everything}); drops vanished ones. */
    private void rescan(boolean everything) {
        List<Path> jars = jars();
        Set<Path> present = Set.copyOf(jars);
        for (FeatureVersion v : routing.active()) {
            if (!present.contains(v.source())) {
                apply(v.source());
            }
        }
        Set<Path> loaded = routing.active().stream().map(FeatureVersion::source).collect(Collectors.toSet());
        for (Path jar : jars) {
            if (everything || !loaded.contains(jar)) {
                apply(jar);
            }
        }
    }

    /** Makes the routing reflect {@code jar}: a new version of its feature, or its removal. */
    private void apply(Path jar) {
        String file = jar.getFileName().toString();
        FeatureVersion fromThisJar = versionFrom(jar);
        if (!Files.isRegularFile(jar)) {
            failures.remove(file);
            if (fromThisJar != null) {
                swap(without(fromThisJar), fromThisJar);
                log.info("Removed " + fromThisJar + ": " + file + " is gone");
            }
            return;
        }
        FeatureVersion next;
        List<FeatureVersion> versions = new ArrayList<>(routing.active());
        if (fromThisJar != null) {
            versions.remove(fromThisJar);
        }
        try {
            FeatureDescriptor descriptor = FeatureDescriptor.read(jar);
            FeatureVersion sameName = routing.version(descriptor.name());
            if (sameName != null && sameName != fromThisJar) {
                throw new FeatureLoadException(file + ": feature '" + descriptor.name() + "' is already loaded from "
                        + sameName.source().getFileName());
            }
            next = loader.load(jar, numbers.getOrDefault(descriptor.name(), 0) + 1);
        } catch (FeatureLoadException e) {
            fail(file, e.getMessage());
            return;
        }
        versions.add(next);
        Routing candidate;
        try {
            candidate = Routing.of(versions);
        } catch (RuntimeException e) {
            next.retire();
            fail(file, FeatureLoader.reason(e));
            return;
        }
        // A number is used up only by a version that serves.
        numbers.put(next.name(), next.number());
        failures.remove(file);
        swap(candidate, fromThisJar);
        log.info("Serving " + next + " from " + file + " (loaded in " + next.loadMillis() + " ms, "
                + next.routes().size() + " routes)" + (fromThisJar == null ? "" : "; draining " + fromThisJar));
    }

    private Routing without(FeatureVersion version) {
        List<FeatureVersion> rest = new ArrayList<>(routing.active());
        rest.remove(version);
        return Routing.of(rest);
    }

    private void swap(Routing next, @Nullable FeatureVersion replaced) {
        routing = next;
        if (replaced != null) {
            replaced.draining(Instant.now());
            synchronized (draining) {
                draining.add(new Drain(replaced, System.nanoTime() + settings.drainTimeout().toNanos()));
                if (!polling) {
                    polling = true;
                    later(this::pollDrains, 0L);
                }
            }
        }
    }

    private @Nullable FeatureVersion versionFrom(Path jar) {
        for (FeatureVersion v : routing.active()) {
            if (v.source().equals(jar)) {
                return v;
            }
        }
        return null;
    }

    /** Retires drained versions; gives up on requests that outlive the drain timeout. */
    private void pollDrains() {
        long now = System.nanoTime();
        for (Drain d : draining) {
            FeatureVersion v = d.version();
            if (v.closeIfIdle()) {
                draining.remove(d);
                retire(v);
            } else if (now - d.deadlineNanos() >= 0) {
                int abandoned = v.closeNow();
                draining.remove(d);
                log.warn(v + " still ran " + abandoned + " request(s) after the drain timeout ("
                        + settings.drainTimeout() + "); they were answered 503");
                retire(v);
            }
        }
        synchronized (draining) {
            if (draining.isEmpty()) {
                polling = false;
            } else {
                later(this::pollDrains, DRAIN_POLL_MILLIS);
            }
        }
    }

    private void retire(FeatureVersion version) {
        Retirement retirement = version.retire();
        synchronized (this) {
            retirements.addFirst(retirement);
            while (retirements.size() > RETIREMENTS_KEPT) {
                retirements.removeLast();
            }
        }
        log.info("Retired " + version);
        releaseChecks.check(retirement);
    }

    private void later(Runnable task, Long millis) {
        try {
            executor.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: stop() retires whatever is left.
        }
    }

    private void fail(String file, String reason) {
        failures.put(file, new FeatureFailure(file, reason, Instant.now()));
        log.error("Feature jar " + file + " not loaded: " + reason);
    }

    private List<Path> jars() {
        Path dir = settings.dir();
        if (!Files.isDirectory(dir)) {
            log.warn("Features directory " + dir.toAbsolutePath() + " does not exist; serving no features");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> FeatureWatcher.isFeatureJar(p) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            log.error("Cannot list " + dir + ": " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        loader.clearStaging();
        if (watcher != null) {
            try {
                watcher.start();
            } catch (IOException e) {
                log.error("Cannot watch " + settings.dir() + " (changes need a restart or the endpoint): " + e);
            }
        }
        rescan(false);
        log.info("Features: " + routing.active() + (failures.isEmpty() ? "" : ", failed: " + failures.values()));
    }

    @Override
    public void stop() {
        List<FeatureVersion> toRetire = new ArrayList<>();
        synchronized (this) {
            running = false;
            if (watcher != null) {
                watcher.close();
            }
            toRetire.addAll(routing.active());
            routing = Routing.EMPTY;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        toRetire.addAll(draining());
        draining.clear();
        for (FeatureVersion version : toRetire) {
            version.draining(Instant.now());
            version.retire();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
