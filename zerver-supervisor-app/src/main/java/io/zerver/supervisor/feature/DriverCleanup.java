package io.zerver.supervisor.feature;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deregisters the JDBC drivers defined by this class's own loader. Never used from the
 * supervisor's loader: {@link FeatureClassLoader} defines a copy of it inside a feature's
 * loader and runs that copy.
 */
public final class DriverCleanup implements Supplier<List<String>> {

    @Override
    public List<String> get() {
        List<String> removed = new ArrayList<>();
        ClassLoader own = DriverCleanup.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                    removed.add(driver.getClass().getName());
                } catch (SQLException e) {
                    removed.add(driver.getClass().getName() + " (failed: " + e.getMessage() + ")");
                }
            }
        }
        return removed;
    }
}
