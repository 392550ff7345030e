/**
 * Spring Boot auto-configuration for Zerver: one auto-configuration per capability, each
 * in its own package, every bean a user might replace conditional on its absence.
 */
@NullMarked
package io.zerver.autoconfigure;

import org.jspecify.annotations.NullMarked;
