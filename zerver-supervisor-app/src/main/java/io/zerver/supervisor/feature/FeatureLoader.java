package io.zerver.supervisor.feature;

import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.route.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * Turns a feature jar into a running {@link FeatureVersion}: copies the jar aside (so the file
 * in the features directory can be replaced while this version runs), reads its descriptor,
 * gives it its own class loader (parent: the supervisor's) and a child application context
 * (parent: the supervisor's context), starts it, and builds and validates its route table: the
 * one time its {@link ZerverRoutes} beans register their routes. Anything that fails undoes what
 * was done ({@link FeatureRelease}) and surfaces as a {@link FeatureLoadException} with the
 * reason.
 */
final class FeatureLoader {

    private static final Log log = LogFactory.getLog(FeatureLoader.class);
    private static final AtomicLong STAGED = new AtomicLong();

    private final ConfigurableApplicationContext parent;
    private final Path stagingDir;
    private final Duration shutdownTimeout;

    FeatureLoader(ConfigurableApplicationContext parent, Path stagingDir, Duration shutdownTimeout) {
        this.parent = parent;
        this.stagingDir = stagingDir;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Deletes the staged copies a previous supervisor left behind (killed before it could
     * retire its versions). Called before anything is loaded.
     */
    void clearStaging() {
        if (!Files.isDirectory(stagingDir)) {
            return;
        }
        try (var files = Files.list(stagingDir)) {
            for (Path stale : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            log.warn("Cannot clear " + stagingDir + ": " + e.getMessage());
        }
    }

    FeatureVersion load(Path jar, int number) {
        long started = System.nanoTime();
        String stamp = FeatureDirectory.stamp(jar);
        Path staged = stage(jar);
        FeatureClassLoader loader = null;
        AnnotationConfigApplicationContext context = null;
        try {
            FeatureDescriptor descriptor = FeatureDescriptor.read(staged);
            String id = "feature-" + descriptor.name() + "-v" + number;
            loader = new FeatureClassLoader(id, url(staged), parent.getClassLoader());
            context = new AnnotationConfigApplicationContext();
            context.setId(id);
            context.setDisplayName(descriptor.name() + " v" + number + " (" + descriptor.label() + ")");
            context.setParent(parent);
            context.setClassLoader(loader);
            DefaultLifecycleProcessor lifecycle = new DefaultLifecycleProcessor();
            lifecycle.setTimeoutPerShutdownPhase(shutdownTimeout.toMillis());
            lifecycle.setBeanFactory(context.getBeanFactory());
            context.getBeanFactory().registerSingleton(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME,
                    lifecycle);
            for (String name : descriptor.configurations()) {
                context.register(configurationClass(name, loader, jar));
            }
            refresh(context, loader);
            List<ZerverRoutes> declarations = declarations(context);
            if (declarations.isEmpty()) {
                throw new FeatureLoadException(descriptor.name() + " declares no routes (no ZerverRoutes bean)");
            }
            RouteTable.Builder routes = RouteTable.builder();
            declarations.forEach(d -> d.register(routes));
            RouteTable table = routes.build();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new FeatureVersion(descriptor, number, jar, staged, loader, context, table, Instant.now(), millis,
                    stamp);
        } catch (RuntimeException | LinkageError e) {
            FeatureRelease.release(context, loader, staged);
            throw e instanceof FeatureLoadException fle ? fle
                    : new FeatureLoadException(jar.getFileName() + ": " + FeatureLoadException.reason(e), e);
        }
    }

    private Path stage(Path jar) {
        try {
            Files.createDirectories(stagingDir);
            String file = jar.getFileName().toString();
            String stem = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
            Path target = stagingDir.resolve(stem + "-" + ProcessHandle.current().pid() + "-"
                    + STAGED.incrementAndGet() + ".jar");
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new FeatureLoadException("cannot copy " + jar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> configurationClass(String name, ClassLoader loader, Path jar) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new FeatureLoadException(jar.getFileName() + ": configuration class " + name + " not found", e);
        }
        if (type.getClassLoader() != loader) {
            throw new FeatureLoadException(jar.getFileName() + ": " + name
                    + " is on the supervisor's class path; a feature's classes must come only from its jar");
        }
        return type;
    }

    private static void refresh(ConfigurableApplicationContext context, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            context.refresh();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The feature's own route declarations, in order; the parent's are not the feature's. */
    private static List<ZerverRoutes> declarations(ConfigurableApplicationContext context) {
        List<ZerverRoutes> out = new ArrayList<>(
                context.getBeanFactory().getBeansOfType(ZerverRoutes.class, false, true).values());
        AnnotationAwareOrderComparator.sort(out);
        return out;
    }

    private static URL url(Path staged) {
        try {
            return staged.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
