package io.zerver.effects.jdbc;

/**
 * When the key/value store creates its two tables, as Spring Boot's
 * {@code DatabaseInitializationMode} (and Spring Session JDBC's and Spring Batch's
 * {@code initialize-schema}) decide for their own tables. Whatever the mode, tables that exist
 * are used as they are: no DDL runs, so a database user with only {@code SELECT},
 * {@code INSERT}, {@code UPDATE} and {@code DELETE} on them is enough. Tables that are
 * missing and may not be created fail {@link JdbcKvEffects#initialize()} with a message naming
 * the script to run ({@link #scriptFor}).
 */
public enum SchemaInitialization {

    /** Creates missing tables in an embedded database (SQLite, H2) only; the default. */
    EMBEDDED,

    /** Creates missing tables in any database the store supports. */
    ALWAYS,

    /** Never creates tables: a DBA runs the shipped script (or a Flyway/Liquibase migration). */
    NEVER;

    /**
     * The classpath location of the script creating the default tables on {@code database}:
     * {@code sqlite}, {@code postgresql} or {@code h2}.
     */
    public static String scriptFor(String database) {
        return "classpath:io/zerver/effects/jdbc/schema-" + database + ".sql";
    }
}
