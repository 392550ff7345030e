/**
 * Feature jars: reading their descriptor, loading each into its own class loader and child
 * application context, and the registry of the versions serving now.
 */
@NullMarked
package io.zerver.supervisor.feature;

import org.jspecify.annotations.NullMarked;
