package io.zerver.effects.sql;

import io.zerver.core.effect.Effect;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL writes' transactions, and their idempotency: a write carrying an idempotency key is
 * applied at most once per key, its outcome recorded in the idempotency table in the same
 * transaction (the db effects' table and rule). A repeat of the same statement and parameters
 * answers the recorded outcome without writing; the key reused for another statement is a
 * Conflict. Two first attempts that race both write, and the one committing second meets the
 * record's primary key, rolls back whole, and answers the first one's outcome.
 */
final class SqlWrites {

    private static final int MAX_DEPTH = 16;

    private final String table;
    private final Clock clock = Clock.systemUTC();

    SqlWrites(String table) {
        this.table = table;
    }

    /** {@code work} in one transaction, once per idempotency key of {@code effect} when it has one. */
    Object write(JdbcClient client, TransactionTemplate transactions, Effect effect, String statement,
            Object params, Supplier<Object> work) {
        String key = effect.options().idempotencyKey();
        if (key == null) {
            return require(transactions.execute(status -> work.get()));
        }
        String fingerprint = fingerprint(statement, params);
        try {
            return require(transactions.execute(status -> once(client, effect.kind(), fingerprint, key, work)));
        } catch (DuplicateKeyException raced) {
            return require(transactions.execute(status -> once(client, effect.kind(), fingerprint, key, work)));
        }
    }

    private Object once(JdbcClient client, String kind, String fingerprint, String key, Supplier<Object> work) {
        Optional<Map<String, Object>> recorded = client
                .sql("SELECT kind, target, outcome FROM " + table + " WHERE \"key\" = :key")
                .param("key", key).query().listOfRows().stream().findFirst();
        if (recorded.isPresent()) {
            Map<String, Object> first = recorded.get();
            if (!kind.equals(value(first, "kind")) || !fingerprint.equals(value(first, "target"))) {
                throw new ZerverException(ErrorKind.CONFLICT, "idempotency", key);
            }
            return counts(Json.parse(String.valueOf(value(first, "outcome")), MAX_DEPTH));
        }
        Object outcome = work.get();
        client.sql("INSERT INTO " + table + " (\"key\", kind, target, outcome, created_at)"
                        + " VALUES (:key, :kind, :target, :outcome, :at)")
                .param("key", key).param("kind", kind).param("target", fingerprint)
                .param("outcome", Json.write(jsonSafe(outcome))).param("at", clock.millis())
                .update();
        return outcome;
    }

    /** A column by name, whatever case the driver reports it in. */
    private static @Nullable Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The statement and its parameters, hashed: a key reused for another write is told apart. */
    private static String fingerprint(String statement, Object params) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(statement).append('\n');
            describe(params, text);
            byte[] digest = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "sql:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The parameters as text that is the same for equal values in every process: a byte array by its
     * bytes (its own {@code toString} is an identity hash), maps and lists element by element.
     */
    private static void describe(@Nullable Object value, StringBuilder text) {
        if (value instanceof byte[] bytes) {
            text.append("0x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            map.forEach((k, v) -> {
                text.append(k).append('=');
                describe(v, text);
                text.append(',');
            });
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            list.forEach(v -> {
                describe(v, text);
                text.append(',');
            });
            text.append(']');
        } else {
            text.append(value);
        }
    }

    /** The outcome as JSON can hold it: numbers, strings, booleans, maps and lists; anything else as its text. */
    private static @Nullable Object jsonSafe(@Nullable Object value) {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> safe = new LinkedHashMap<>();
            map.forEach((k, v) -> safe.put(String.valueOf(k), jsonSafe(v)));
            return safe;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> safe = new ArrayList<>(list.size());
            list.forEach(v -> safe.add(jsonSafe(v)));
            return safe;
        }
        return value.toString();
    }

    /** A recorded outcome as the write answered it: row counts as {@code Integer}s. */
    private static Object counts(Object parsed) {
        if (parsed instanceof Number n) {
            return n.intValue();
        }
        if (parsed instanceof List<?> list) {
            List<Object> answers = new ArrayList<>(list.size());
            for (Object item : list) {
                answers.add(item instanceof Number n ? (Object) n.intValue() : item);
            }
            return answers;
        }
        return parsed;
    }

    private static Object require(@Nullable Object outcome) {
        if (outcome == null) {
            throw new IllegalStateException("a write answered nothing");
        }
        return outcome;
    }
}
