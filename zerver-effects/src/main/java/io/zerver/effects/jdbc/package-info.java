/**
 * The DB key/value effects ({@code db.get/put/delete/scan}) over JDBC: SQLite by default
 * (WAL, IMMEDIATE write transactions), PostgreSQL and H2.
 * Start at {@link io.zerver.effects.jdbc.JdbcKvEffects}.
 */
@NullMarked
package io.zerver.effects.jdbc;

import org.jspecify.annotations.NullMarked;
