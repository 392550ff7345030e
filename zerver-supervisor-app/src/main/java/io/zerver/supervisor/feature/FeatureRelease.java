package io.zerver.supervisor.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Undoes what loading a feature jar did, for a load that failed half-way and for a version
 * that retires: closes the context, deregisters the JDBC drivers the feature registered, clears
 * Spring's reflection caches of the feature's classes, closes the loader (and with it the jar)
 * and deletes the staged copy. Never throws.
 */
final class FeatureRelease {

    private static final Log log = LogFactory.getLog(FeatureRelease.class);

    private FeatureRelease() {
    }

    /** @return the JDBC drivers deregistered */
    static List<String> release(@Nullable ConfigurableApplicationContext context,
            @Nullable FeatureClassLoader loader, Path staged) {
        List<String> drivers = List.of();
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("Closing " + context.getDisplayName() + " failed: " + FeatureLoadException.reason(e));
            }
        }
        if (loader != null) {
            drivers = loader.deregisterDrivers();
            CachedIntrospectionResults.clearClassLoader(loader);
            ReflectionUtils.clearCache();
            AnnotationUtils.clearCache();
            ResolvableType.clearCache();
            try {
                loader.close();
            } catch (IOException e) {
                log.warn("Closing the class loader " + loader.getName() + " failed: " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            log.warn("Deleting " + staged + " failed: " + e.getMessage());
        }
        return drivers;
    }
}
