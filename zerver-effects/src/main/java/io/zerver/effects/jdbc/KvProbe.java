package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether the store can serve now: its tables readable, and on PostgreSQL writable by the
 * connection's user (a DBA's tables without the grants fail every write while reads work). For
 * health: what it finds is said in words, never with a password or a URL.
 */
final class KvProbe {

    private KvProbe() {
    }

    /** Empty when the store can serve; else what is wrong. */
    static Optional<String> problem(Transactions transactions, JdbcKvConfig config) {
        DataSource dataSource = transactions.dataSource();
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            for (String table : List.of(config.table(), config.idempotencyTable())) {
                try (PreparedStatement read = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE 1 = 0");
                        ResultSet rows = read.executeQuery()) {
                    rows.next();
                } catch (SQLException e) {
                    problems.add(table + " cannot be read: " + e.getMessage());
                    continue;
                }
                if (dialect == Dialect.POSTGRESQL && !writable(connection, table)) {
                    problems.add(table + ": the user may not INSERT, UPDATE and DELETE");
                }
            }
        } catch (UnusableDatabaseException e) {
            problems.add(e.getMessage());
        } catch (SQLException e) {
            problems.add("no connection: " + e.getMessage());
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static boolean writable(Connection connection, String table) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(
                "SELECT has_table_privilege(current_user, ?, 'INSERT, UPDATE, DELETE')")) {
            check.setString(1, table);
            try (ResultSet rows = check.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
