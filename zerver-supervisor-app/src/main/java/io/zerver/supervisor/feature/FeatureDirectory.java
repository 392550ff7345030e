package io.zerver.supervisor.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The features directory: the jars in it now, and (when watching is on) a {@link FeatureWatcher}
 * that reports each jar once it settled after a change.
 */
final class FeatureDirectory implements AutoCloseable {

    private static final Log log = LogFactory.getLog(FeatureDirectory.class);

    private final Path dir;
    private final @Nullable FeatureWatcher watcher;

    /**
     * @param changed told of each settled jar, and of the directory itself when too much
     *     changed at once to tell which jars (rescan everything)
     */
    FeatureDirectory(FeatureSettings settings, ScheduledExecutorService executor, Consumer<Path> changed) {
        this.dir = settings.dir();
        this.watcher = settings.watch()
                ? new FeatureWatcher(dir, settings.quietPeriod(), settings.maxSettle(), executor, changed)
                : null;
    }

    Path path() {
        return dir;
    }

    /** The feature jars in the directory now, sorted; none (with a warning) when there is no directory. */
    List<Path> jars() {
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

    /** A jar's size and modification time: what tells a changed jar from the same one touched again. */
    static String stamp(Path jar) {
        try {
            return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toInstant();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** Starts watching, if watching is on; a directory that cannot be watched is logged, not fatal. */
    void watch() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.start();
        } catch (IOException e) {
            log.error("Cannot watch " + dir + " (changes need a restart or the endpoint): " + e);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
