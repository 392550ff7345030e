package io.zerver.supervisor.feature;

import io.zerver.autoconfigure.engine.RouteTableSource;
import io.zerver.core.route.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The features the supervisor hosts: loads every jar in the features directory when the
 * supervisor starts, keeps the current {@link Routing} (swapped as a whole), numbers versions
 * per feature, remembers failures, and retires every version when the supervisor stops.
 * The engine reads its routes from here.
 */
public final class FeatureRegistry implements RouteTableSource, SmartLifecycle {

    /** Starts before the link opens and stops after it has drained. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Log log = LogFactory.getLog(FeatureRegistry.class);

    private final FeatureLoader loader;
    private final Path dir;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, FeatureFailure> failures = new LinkedHashMap<>();
    private volatile Routing routing = Routing.EMPTY;
    private volatile boolean running;

    FeatureRegistry(FeatureLoader loader, Path dir) {
        this.loader = loader;
        this.dir = dir;
    }

    /**
     * A registry for the jars in {@code dir}, each loaded under {@code parent}.
     *
     * @param stagingDir where jars are copied before loading, outside {@code dir}
     * @param shutdownTimeout how long a feature context's lifecycle beans get to stop
     */
    public static FeatureRegistry create(ConfigurableApplicationContext parent, Path dir, Path stagingDir,
            Duration shutdownTimeout) {
        return new FeatureRegistry(new FeatureLoader(parent, stagingDir, shutdownTimeout), dir);
    }

    /** What is served now. */
    public Routing routing() {
        return routing;
    }

    @Override
    public RouteTable get() {
        return routing.table();
    }

    /** The features directory. */
    public Path dir() {
        return dir;
    }

    /** The last failure per jar, for jars whose latest attempt failed. */
    public synchronized List<FeatureFailure> failures() {
        return List.copyOf(failures.values());
    }

    /** Loads every {@code *.jar} in the directory, in name order; failures are kept, not thrown. */
    synchronized void loadAll() {
        for (Path jar : jars()) {
            load(jar);
        }
        log.info("Features: " + routing.active() + (failures.isEmpty() ? "" : ", failed: " + failures.values()));
    }

    /** Loads {@code jar} as a new feature next to the active ones. */
    private void load(Path jar) {
        String file = jar.getFileName().toString();
        FeatureVersion version;
        try {
            FeatureDescriptor descriptor = FeatureDescriptor.read(jar);
            if (routing.version(descriptor.name()) != null) {
                throw new FeatureLoadException(file + ": feature '" + descriptor.name() + "' is already loaded from "
                        + routing.version(descriptor.name()).source().getFileName());
            }
            version = loader.load(jar, numbers.merge(descriptor.name(), 1, Integer::sum));
        } catch (FeatureLoadException e) {
            fail(file, e.getMessage());
            return;
        }
        List<FeatureVersion> next = new ArrayList<>(routing.active());
        next.add(version);
        try {
            routing = Routing.of(next);
        } catch (RuntimeException e) {
            version.retire();
            fail(file, FeatureLoader.reason(e));
            return;
        }
        failures.remove(file);
        log.info("Loaded " + version + " from " + file + " in " + version.loadMillis() + " ms, "
                + version.routes().size() + " routes");
    }

    private void fail(String file, String reason) {
        failures.put(file, new FeatureFailure(file, reason, Instant.now()));
        log.error("Feature jar " + file + " not loaded: " + reason);
    }

    private List<Path> jars() {
        if (!Files.isDirectory(dir)) {
            log.warn("Features directory " + dir.toAbsolutePath() + " does not exist; serving no features");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            log.error("Cannot list " + dir + ": " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public synchronized void start() {
        loadAll();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        List<FeatureVersion> active = routing.active();
        routing = Routing.EMPTY;
        for (FeatureVersion version : active) {
            version.draining();
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
