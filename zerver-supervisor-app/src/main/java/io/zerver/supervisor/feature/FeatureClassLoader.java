package io.zerver.supervisor.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
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

    // Made with the loader, so that it is never younger than the loader: see watch().
    private final WeakReference<ClassLoader> watch;
    private final Supplier<List<String>> driverCleanup;

    FeatureClassLoader(String name, URL jar, ClassLoader parent) {
        super(name, new URL[] { jar }, parent);
        watch = new WeakReference<>(this);
        driverCleanup = driverCleanup();
    }

    /**
     * A weak reference to this loader, made when the loader was: what the leak checks watch
     * once the version retires. Not one made at retirement: under G1 concurrent cycles (a
     * {@code System.gc()} with {@code -XX:+ExplicitGCInvokesConcurrent}) a weak reference still
     * in a survivor region is scanned as a root region, its referent marked as if strongly
     * reachable; a reference made at retirement to an old loader would keep that loader alive
     * until the reference is tenured (up to {@code MaxTenuringThreshold}, 15, collections).
     * Made with the loader, it ages with it and is tenured with it.
     */
    WeakReference<ClassLoader> watch() {
        return watch;
    }

    /**
     * Deregisters the JDBC drivers this loader's classes registered.
     *
     * @return the drivers deregistered, by class name
     */
    List<String> deregisterDrivers() {
        return driverCleanup.get();
    }

    /**
     * Defines a copy of {@link DriverCleanup} in this loader and makes one. Done when the loader
     * is made, not when it retires, for the same reason as {@link #watch()}: a class defined at
     * retirement (its {@code Class}, its package, its reflection data) would be young objects
     * that the old loader references and that reference it back, and G1 concurrent cycles would
     * keep all of them alive until they are tenured.
     */
    @SuppressWarnings("unchecked")
    private Supplier<List<String>> driverCleanup() {
        String name = DriverCleanup.class.getName();
        try (InputStream in = DriverCleanup.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                return List::of;
            }
            byte[] bytes = in.readAllBytes();
            // Defined here directly (not found through the parent), so DriverManager sees its
            // caller as one of this feature's classes.
            Class<?> cleanup = defineClass(name, bytes, 0, bytes.length);
            return (Supplier<List<String>>) cleanup.getDeclaredConstructor().newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException | LinkageError e) {
            String failure = "(could not check drivers: " + e + ")";
            return () -> List.of(failure);
        }
    }
}
