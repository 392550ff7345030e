package io.zerver.effects.file;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.FileJsonRead;
import io.zerver.core.effect.FileJsonWrite;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Performs the file effects: {@code file.read} parses the JSON document at a path,
 * {@code file.write} replaces it atomically. Paths are relative to the configured base
 * directory and may not leave it.
 *
 * <p>File I/O blocks, so it runs on a bounded pool of its own (threads named
 * {@code zerver-file-N}), never on the subscribing thread, and only once subscribed.
 *
 * <table>
 * <caption>How the effects fail</caption>
 * <tr><th>when</th><th>error</th></tr>
 * <tr><td>the path is absolute, contains NUL, or leads outside the base (also through a link)</td>
 *     <td>InvalidInput (file, path_escapes_base)</td></tr>
 * <tr><td>the path names a directory or another non-regular file</td><td>InvalidInput (file, not_a_file)</td></tr>
 * <tr><td>read: no file at the path</td><td>NotFound (file, the path)</td></tr>
 * <tr><td>read: the stored file is larger than the limit</td><td>Internal (file, too_large)</td></tr>
 * <tr><td>read: the stored file is not UTF-8 JSON, or is nested too deep</td>
 *     <td>Internal (file, malformed_json)</td></tr>
 * <tr><td>write: a {@code String} that is not JSON, or a value that is not a JSON tree</td>
 *     <td>InvalidInput (file, not_json)</td></tr>
 * <tr><td>write: the document is nested deeper than the limit</td><td>InvalidInput (file, too_deep)</td></tr>
 * <tr><td>write: the document is larger than the limit</td><td>PayloadTooLarge (file, too_large)</td></tr>
 * <tr><td>the pool's queue is full, or it is closed</td><td>Overloaded (file, busy)</td></tr>
 * <tr><td>any other I/O error</td><td>UpstreamUnavailable (file, io)</td></tr>
 * </table>
 *
 * <p>The {@code json} of a write is a tree (maps, lists, strings, numbers, booleans,
 * {@link io.zerver.core.json.Json#NULL}) written with {@link io.zerver.core.json.Json#write};
 * a {@code String} is taken as JSON text, written as it is once it parses. A write replaces
 * a symbolic link at the path (inside the base) with a regular file, readable by the owner only.
 *
 * <pre>{@code
 * FileEffects files = FileEffects.create(FileEffectsConfig.defaults(dataDir.resolve("files")));
 * EffectHandlers handlers = files.registerOn(EffectHandlers.builder()).build();
 * ...
 * files.close();
 * }</pre>
 */
public final class FileEffects implements AutoCloseable {

    static final String THREAD_NAME = "zerver-file";

    private final FileEffectsConfig config;
    private final JsonFileStore store;
    private final Scheduler scheduler;

    private FileEffects(FileEffectsConfig config, JsonFileStore store, Scheduler scheduler) {
        this.config = config;
        this.store = store;
        this.scheduler = scheduler;
    }

    /**
     * File effects under {@code config.baseDir()}, creating it when absent.
     *
     * @throws UncheckedIOException when the base directory cannot be created or resolved
     */
    public static FileEffects create(FileEffectsConfig config) {
        requireNonNull(config, "config");
        BaseDirectory base;
        try {
            base = BaseDirectory.create(config.baseDir());
        } catch (IOException e) {
            throw new UncheckedIOException("baseDir: " + config.baseDir()
                    + " (expected: a directory that exists or can be created)", e);
        }
        JsonFileStore store = new JsonFileStore(base, config.maxFileSize(), config.maxJsonDepth());
        Scheduler scheduler = Schedulers.newBoundedElastic(config.threads(),
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, THREAD_NAME, 60, true);
        return new FileEffects(config, store, scheduler);
    }

    /** Registers these handlers for {@code file.read} and {@code file.write}. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder builder) {
        requireNonNull(builder, "builder");
        return builder.on(FileJsonRead.class, (effect, context) -> read(effect))
                .on(FileJsonWrite.class, (effect, context) -> write(effect));
    }

    public FileEffectsConfig config() {
        return config;
    }

    Mono<Object> read(FileJsonRead effect) {
        return blocking(() -> store.read(effect.path()));
    }

    Mono<Boolean> write(FileJsonWrite effect) {
        return blocking(() -> {
            store.write(effect.path(), effect.json());
            return Boolean.TRUE;
        });
    }

    private <T> Mono<T> blocking(Callable<T> io) {
        return Mono.fromCallable(io)
                .subscribeOn(scheduler)
                .onErrorMap(e -> !(e instanceof ZerverException), FileEffects::translate);
    }

    private static ZerverException translate(Throwable e) {
        if (e instanceof RejectedExecutionException) {
            return new ZerverException(ZerverError.of(ErrorKind.OVERLOADED, "file", "busy"), e);
        }
        return new ZerverException(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "file", "io"),
                e);
    }

    /** Stops the I/O pool; effects performed afterwards fail with Overloaded (file, busy). */
    @Override
    public void close() {
        scheduler.dispose();
    }

    @Override
    public String toString() {
        return "FileEffects[" + config.baseDir() + "]";
    }
}
