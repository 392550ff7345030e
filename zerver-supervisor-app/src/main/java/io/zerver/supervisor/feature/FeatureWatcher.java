package io.zerver.supervisor.feature;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Watches the features directory and reports a jar once it has settled: no event for the quiet
 * period and, if it exists, it opens as a complete jar (a jar still being written in place does
 * not). A jar that never becomes complete within {@code maxWait} is reported anyway, so its
 * failure is recorded. Hidden files and names not ending in {@code .jar} are ignored, so a
 * writer can stage {@code .todos.jar.tmp} and move it in atomically.
 */
final class FeatureWatcher implements AutoCloseable {

    private static final Log log = LogFactory.getLog(FeatureWatcher.class);

    private final Path dir;
    private final Duration quiet;
    private final Duration maxWait;
    private final ScheduledExecutorService executor;
    private final Consumer<Path> settled;
    private final Map<Path, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<Path, Long> lastSeen = new ConcurrentHashMap<>();
    private @Nullable WatchService watcher;
    private @Nullable Thread thread;

    FeatureWatcher(Path dir, Duration quiet, Duration maxWait, ScheduledExecutorService executor,
            Consumer<Path> settled) {
        this.dir = dir;
        this.quiet = quiet;
        this.maxWait = maxWait;
        this.executor = executor;
        this.settled = settled;
    }

    void start() throws IOException {
        Files.createDirectories(dir);
        WatchService service = dir.getFileSystem().newWatchService();
        dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        watcher = service;
        Thread t = new Thread(() -> watch(service), "zerver-features-watch");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void watch(WatchService service) {
        try {
            for (;;) {
                WatchKey key = service.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        log.warn("Too many changes in " + dir + " at once; rescanning");
                        run(() -> settled.accept(dir), 0);
                    } else if (event.context() instanceof Path name && isFeatureJar(name)) {
                        touched(dir.resolve(name));
                    }
                }
                if (!key.reset()) {
                    log.error("Features directory " + dir + " is no longer watchable");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closing.
        }
    }

    static boolean isFeatureJar(Path name) {
        String file = name.getFileName().toString();
        return file.endsWith(".jar") && !file.startsWith(".");
    }

    private void touched(Path jar) {
        long now = System.nanoTime();
        lastSeen.put(jar, now);
        if (firstSeen.putIfAbsent(jar, now) == null) {
            schedule(jar);
        }
    }

    private void schedule(Path jar) {
        run(() -> settle(jar), quiet.toNanos());
    }

    private void run(Runnable task, long delayNanos) {
        try {
            executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The registry is stopping.
        }
    }

    private void settle(Path jar) {
        long now = System.nanoTime();
        Long last = lastSeen.get(jar);
        Long first = firstSeen.get(jar);
        if (last == null || first == null) {
            return;
        }
        boolean gaveUp = now - first > maxWait.toNanos();
        if (!gaveUp && (now - last < quiet.toNanos() || (Files.exists(jar) && !complete(jar)))) {
            schedule(jar);
            return;
        }
        firstSeen.remove(jar);
        lastSeen.remove(jar);
        settled.accept(jar);
    }

    private static boolean complete(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        WatchService service = watcher;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.warn("Closing the features watcher failed: " + e.getMessage());
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
