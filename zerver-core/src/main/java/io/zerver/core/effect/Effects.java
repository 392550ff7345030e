package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.http.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds effects with the platform defaults: required, no retry, and a timeout per family
 * (db, sql and file 1 s, cache 100 ms, http 5 s, compute 2 s).
 *
 * <pre>{@code
 * Effects.dbGet("todo:" + id).into(TODO).timeout(Duration.ofMillis(200))
 * }</pre>
 */
public final class Effects {

    static final Duration DB_TIMEOUT = Duration.ofSeconds(1);
    static final Duration FILE_TIMEOUT = Duration.ofSeconds(1);
    static final Duration CACHE_TIMEOUT = Duration.ofMillis(100);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    static final Duration COMPUTE_TIMEOUT = Duration.ofSeconds(2);
    private static final byte[] NO_BODY = new byte[0];

    private Effects() {
    }

    public static DbGet dbGet(String key) {
        return new DbGet(requireNonNull(key, "key"), null, EffectOptions.defaults(DB_TIMEOUT));
    }

    public static DbPut dbPut(String key, String value) {
        return new DbPut(requireNonNull(key, "key"), requireNonNull(value, "value"), null,
                EffectOptions.defaults(DB_TIMEOUT));
    }

    public static DbDelete dbDelete(String key) {
        return new DbDelete(requireNonNull(key, "key"), null, EffectOptions.defaults(DB_TIMEOUT));
    }

    public static DbScan dbScan(String prefix, int limit) {
        requireNonNull(prefix, "prefix");
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
        }
        return new DbScan(prefix, limit, null, null, EffectOptions.defaults(DB_TIMEOUT));
    }

    /** A SQL statement on the application's database, to bind and finish: see {@link Sql}. */
    public static Sql sql(String sql) {
        return new Sql(requireNonNull(sql, "sql"), Map.of(), null);
    }

    /**
     * {@code statements} in one transaction, in order, on their DataSource (the application's
     * unless they name one): all or nothing. Its options (the db timeout by default) replace theirs.
     */
    public static SqlTransaction sqlTransaction(SqlUpdate... statements) {
        requireNonNull(statements, "statements");
        String dataSource = statements.length == 0 ? null : statements[0].dataSource();
        return new SqlTransaction(List.of(statements), dataSource, null,
                EffectOptions.defaults(DB_TIMEOUT));
    }

    public static HttpCall http(String method, URI url, Headers headers, byte[] body) {
        requireNonNull(method, "method");
        requireNonNull(url, "url");
        return new HttpCall(method.toUpperCase(java.util.Locale.ROOT), url, requireNonNull(headers, "headers"),
                requireNonNull(body, "body"), false, null, EffectOptions.defaults(HTTP_TIMEOUT));
    }

    public static HttpCall httpGet(String url) {
        return http("GET", URI.create(url), Headers.empty(), NO_BODY);
    }

    public static HttpCall httpPost(String url, String contentType, String body) {
        return http("POST", URI.create(url), Headers.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public static FileJsonRead fileRead(String path) {
        return new FileJsonRead(requireNonNull(path, "path"), null, EffectOptions.defaults(FILE_TIMEOUT));
    }

    public static FileJsonWrite fileWrite(String path, Object json) {
        return new FileJsonWrite(requireNonNull(path, "path"), requireNonNull(json, "json"), null,
                EffectOptions.defaults(FILE_TIMEOUT));
    }

    public static CacheGet cacheGet(String key) {
        return new CacheGet(requireNonNull(key, "key"), null, EffectOptions.defaults(CACHE_TIMEOUT));
    }

    public static CacheSet cacheSet(String key, String value, Duration ttl) {
        requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: " + ttl + " (expected: > 0)");
        }
        return new CacheSet(requireNonNull(key, "key"), requireNonNull(value, "value"), ttl, null,
                EffectOptions.defaults(CACHE_TIMEOUT));
    }

    public static CacheDelete cacheDelete(String key) {
        return new CacheDelete(requireNonNull(key, "key"), null, EffectOptions.defaults(CACHE_TIMEOUT));
    }

    public static Compute<Object> compute(String task, Object input) {
        return new Compute<>(requireNonNull(task, "task"), input, null, EffectOptions.defaults(COMPUTE_TIMEOUT));
    }
}
