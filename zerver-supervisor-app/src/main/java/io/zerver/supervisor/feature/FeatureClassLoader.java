package io.zerver.supervisor.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.Supplier;

/**
 * A feature's own class loader: the feature jar, parent-first over the supervisor's loader (so
 * Zerver, Spring and the shared beans' types are the supervisor's). It can also run a small
 * clean-up inside itself, which is how JDBC drivers the feature registered get deregistered:
 * {@link java.sql.DriverManager} only shows a caller the drivers of its own loader.
 */
final class FeatureClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    FeatureClassLoader(String name, URL jar, ClassLoader parent) {
        super(name, new URL[] { jar }, parent);
    }

    /**
     * Deregisters the JDBC drivers this loader's classes registered.
     *
     * @return the drivers deregistered, by class name
     */
    @SuppressWarnings("unchecked")
    List<String> deregisterDrivers() {
        String name = DriverCleanup.class.getName();
        try (InputStream in = DriverCleanup.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                return List.of();
            }
            byte[] bytes = in.readAllBytes();
            // Defined here directly (not found through the parent), so DriverManager sees its
            // caller as one of this feature's classes.
            Class<?> cleanup = defineClass(name, bytes, 0, bytes.length);
            return ((Supplier<List<String>>) cleanup.getDeclaredConstructor().newInstance()).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException | LinkageError e) {
            return List.of("(could not check drivers: " + e + ")");
        }
    }
}
