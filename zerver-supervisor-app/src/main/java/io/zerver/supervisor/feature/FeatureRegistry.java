package io.zerver.supervisor.feature;

import io.zerver.core.route.RouteTable;
import io.zerver.core.route.RouteTableSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The features the supervisor hosts (docs/features.md), and their lifecycle: at start every jar of the features
 * directory loads ({@link FeatureVersions}), then each change the directory reports
 * ({@link FeatureDirectory}) is applied; a replaced version drains ({@link Drains}) and retires,
 * its loader checked for leaks ({@link Retirements}). All of it runs on one thread of the
 * registry's, {@code zerver-features}. The engine reads its routes here: the active versions'
 * tables merged ({@link Routing}).
 */
public final class FeatureRegistry implements RouteTableSource, SmartLifecycle {

    /** Starts before the link opens and stops after it has drained. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Log log = LogFactory.getLog(FeatureRegistry.class);
    private static final int RETIREMENTS_KEPT = 64;

    private final FeatureLoader loader;
    private final FeatureSettings settings;
    private final ScheduledExecutorService executor;
    private final FeatureDirectory directory;
    private final Retirements retirements;
    private final Drains drains;
    private final FeatureVersions versions;
    private volatile boolean running;

    FeatureRegistry(FeatureLoader loader, FeatureSettings settings) {
        this.loader = loader;
        this.settings = settings;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zerver-features");
            t.setDaemon(true);
            return t;
        });
        Scheduler scheduler = Schedulers.fromExecutorService(executor, "zerver-features");
        this.retirements = new Retirements(RETIREMENTS_KEPT, new ReleaseChecks(settings.leakChecks(),
                settings.leakCheckInterval().toMillis(), RETIREMENTS_KEPT, this::later));
        this.drains = new Drains(settings.drainTimeout(), scheduler, retirements::retire);
        this.directory = new FeatureDirectory(settings, executor, this::changed);
        this.versions = new FeatureVersions(loader, directory, drains);
    }

    /** A registry for the jars of {@code settings.dir()}, each loaded under {@code parent}. */
    public static FeatureRegistry create(ConfigurableApplicationContext parent, FeatureSettings settings) {
        return new FeatureRegistry(new FeatureLoader(parent, settings.stagingDir(), settings.shutdownTimeout()),
                settings);
    }

    /** What is served now. */
    public Routing routing() {
        return versions.routing();
    }

    @Override
    public RouteTable get() {
        return versions.routing().table();
    }

    public Path dir() {
        return directory.path();
    }

    /** The last failure per jar, for jars whose latest attempt failed. */
    public List<FeatureFailure> failures() {
        return versions.failures();
    }

    /** Versions replaced or removed that still finish their requests. */
    public List<FeatureVersion> draining() {
        return drains.draining();
    }

    /** The most recent retirements, newest first, with the outcome of their leak checks. */
    public List<Retirement> retirements() {
        return retirements.recent();
    }

    /** Retired versions whose class loader stayed reachable (the most recent, newest first). */
    public List<Retirement> leakSuspects() {
        return retirements.checks().suspects();
    }

    /** Retired versions whose class loader is still being checked. */
    public int pendingLeakChecks() {
        return retirements.checks().pending();
    }

    /** How many retired versions had their class loader collected since start-up. */
    public long releasedCount() {
        return retirements.checks().released();
    }

    /**
     * Applies the features directory as it is now: loads new and changed jars (a changed jar
     * becomes a new version even if its bytes are the same), drains features whose jar is gone.
     *
     * @param feature only this feature's jar, or null for every jar
     * @return the feature versions active afterwards
     */
    public List<FeatureVersion> reload(@Nullable String feature) {
        return versions.reload(feature);
    }

    private void changed(Path path) {
        versions.changed(path);
    }

    private void later(Runnable task, Long millis) {
        try {
            executor.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: stop() retires whatever is left.
        }
    }

    @Override
    public void start() {
        running = true;
        loader.clearStaging();
        directory.watch();
        versions.open();
        List<FeatureFailure> failed = versions.failures();
        log.info("Features: " + versions.routing().active() + (failed.isEmpty() ? "" : ", failed: " + failed));
    }

    @Override
    public void stop() {
        running = false;
        directory.close();
        List<FeatureVersion> toRetire = new ArrayList<>(versions.close());
        executor.shutdownNow();
        try {
            executor.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        toRetire.addAll(drains.clear());
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
