/**
 * Feature jars: reading their descriptor, loading each into its own class loader and child
 * application context with its route table, and the registry of the versions serving now: the
 * directory and its watcher, the versions and their drains, the retirements and their leak
 * checks, behind {@link io.zerver.supervisor.feature.FeatureRegistry}.
 */
@NullMarked
package io.zerver.supervisor.feature;

import org.jspecify.annotations.NullMarked;
