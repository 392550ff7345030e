package io.zerver.supervisor.feature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The versions serving now, and how a change of the features directory becomes a new
 * {@link Routing}: a new or changed jar loads as the next version of its feature (numbered 1, 2,
 * 3... per feature; a number is used up only by a version that serves), its table is merged
 * with the other active versions' and swapped in; the version it replaces drains. A jar that
 * fails leaves the old version serving and its failure on record; a removed jar drains its
 * feature away.
 */
final class FeatureVersions {

    private static final Log log = LogFactory.getLog(FeatureVersions.class);

    private final FeatureLoader loader;
    private final FeatureDirectory directory;
    private final Drains drains;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, FeatureFailure> failures = new LinkedHashMap<>();
    private volatile Routing routing = Routing.EMPTY;
    private boolean open;

    FeatureVersions(FeatureLoader loader, FeatureDirectory directory, Drains drains) {
        this.loader = loader;
        this.directory = directory;
        this.drains = drains;
    }

    Routing routing() {
        return routing;
    }

    synchronized List<FeatureFailure> failures() {
        return List.copyOf(failures.values());
    }

    /** Loads the jars of the directory and applies its changes from then on. */
    synchronized void open() {
        open = true;
        rescan(false);
    }

    /**
     * Ignores changes from now on and serves nothing.
     *
     * @return the versions that were active, for the caller to retire
     */
    synchronized List<FeatureVersion> close() {
        open = false;
        List<FeatureVersion> active = routing.active();
        routing = Routing.EMPTY;
        return active;
    }

    /**
     * Applies the directory as it is now: loads new and changed jars (a changed jar becomes a
     * new version even if its bytes are the same), drains features whose jar is gone.
     *
     * @param feature only this feature's jar, or null for every jar
     * @return the versions active afterwards
     */
    synchronized List<FeatureVersion> reload(@Nullable String feature) {
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

    /** A settled change the watcher reported: a jar, or the directory itself (rescan). */
    synchronized void changed(Path path) {
        if (!open) {
            return;
        }
        if (path.equals(directory.path())) {
            rescan(false);
            return;
        }
        FeatureVersion current = routing.versionFrom(path);
        if (current != null && Files.isRegularFile(path)
                && FeatureDirectory.stamp(path).equals(current.sourceStamp())) {
            // A late event for a jar already loaded as it is now: nothing changed.
            return;
        }
        apply(path);
    }

    /** Loads jars not loaded yet (or all of them when {@code everything}); drops vanished ones. */
    private void rescan(boolean everything) {
        List<Path> jars = directory.jars();
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
        FeatureVersion fromThisJar = routing.versionFrom(jar);
        List<FeatureVersion> versions = new ArrayList<>(routing.active());
        if (fromThisJar != null) {
            versions.remove(fromThisJar);
        }
        if (!Files.isRegularFile(jar)) {
            failures.remove(file);
            if (fromThisJar != null) {
                swap(Routing.of(versions), fromThisJar);
                log.info("Removed " + fromThisJar + ": " + file + " is gone");
            }
            return;
        }
        FeatureVersion next;
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
            fail(file, FeatureLoadException.reason(e));
            return;
        }
        numbers.put(next.name(), next.number());
        failures.remove(file);
        swap(candidate, fromThisJar);
        log.info("Serving " + next + " from " + file + " (loaded in " + next.loadMillis() + " ms, "
                + next.routes().size() + " routes)" + (fromThisJar == null ? "" : "; draining " + fromThisJar));
    }

    private void swap(Routing next, @Nullable FeatureVersion replaced) {
        routing = next;
        if (replaced != null) {
            drains.drain(replaced);
        }
    }

    private void fail(String file, String reason) {
        failures.put(file, new FeatureFailure(file, reason, Instant.now()));
        log.error("Feature jar " + file + " not loaded: " + reason);
    }
}
