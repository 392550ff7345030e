package io.zerver.effects.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.effects.jdbc.SqliteDataSources;
import java.nio.file.Path;

/** The SQL effects on SQLite files (WAL), as Zerver makes them when the application has no database. */
class SqlEffectsOnSqliteTests extends SqlEffectsContractTests {

    @Override
    HikariDataSource open(Path dir, String name) {
        return SqliteDataSources.create(dir.resolve(name + ".db"), 2);
    }

    @Override
    String createTodoTable() {
        return "CREATE TABLE todo (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL,"
                + " title TEXT UNIQUE, done BOOLEAN NOT NULL)";
    }
}
