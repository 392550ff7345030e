package io.zerver.core.step;

import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Headers;
import io.zerver.core.slot.Slot;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A step's view of its request: the request itself, and the slots the step declared.
 *
 * <p>Touching a slot the step did not declare throws {@link UndeclaredSlotException}
 * naming the step and the slot. Time, randomness and ids come from here, never from the
 * JVM directly, so that a recorded request can be replayed to the same decisions.
 */
public interface StepContext {

    /** The value of a declared slot; fails when it was never written. */
    <T> T require(Slot<T> slot);

    /** The value of a declared slot, or empty when it was never written. */
    <T> Optional<T> optional(Slot<T> slot);

    /** Writes a declared slot; a slot is written at most once per request. */
    <T> void put(Slot<T> slot, T value);

    /** The name of the step this view belongs to. */
    String stepName();

    String method();

    /** The request path, not decoded. */
    String path();

    /** The route pattern that matched, {@code /todos/:id}. */
    String route();

    /** A path parameter, decoded. */
    Optional<String> param(String name);

    /** All path parameters, decoded. */
    Map<String, String> params();

    /** The first value of a query parameter, decoded. */
    Optional<String> query(String name);

    List<String> queryAll(String name);

    Optional<String> header(String name);

    Headers headers();

    byte[] body();

    /** The body as UTF-8 text. */
    String bodyText();

    /**
     * The body read as {@code type} (a record, a bean) by the engine's {@code BodyCodec}, the
     * application's Jackson mapper with the Spring Boot starter, then checked by its
     * {@code BodyValidator} (Bean Validation with the starter, when the application has a
     * validator). A client's mistake fails the request with 400: an empty or malformed body
     * (InvalidInput "json"), a field that cannot be read ("body" "unreadable") or fields that break
     * their constraints ("body" "invalid"), each field's error listed in {@code "fields"}.
     *
     * @throws IllegalStateException when the engine has no {@code BodyCodec}
     */
    <T> T body(Class<T> type);

    /**
     * The body parsed as JSON (maps, lists, strings, numbers, booleans; see
     * {@link io.zerver.core.json.Json}). Malformed or too deeply nested JSON fails the
     * request with 400.
     */
    Object json();

    Optional<InetSocketAddress> clientAddress();

    String requestId();

    /** The instant the request must be answered by. */
    Instant deadline();

    /** Time left until the deadline; zero once passed. */
    Duration remaining();

    /** Time since the request arrived. */
    Duration elapsed();

    /** The wall-clock time, from the engine's clock. */
    Instant now();

    /** Randomness, from the engine. */
    RandomGenerator random();

    /** A new unique id (URL-safe, 22 characters), from the engine. */
    String newId();

    /** The most recent error: a failed effect the continuation may look at. */
    Optional<ZerverError> lastError();

    /** Runs {@code callback} once the request has been answered, whatever the outcome. */
    void onExit(Runnable callback);

    /** Adds a line to the request's timeline. */
    void debug(String message);
}
