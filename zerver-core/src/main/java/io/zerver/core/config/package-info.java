/** What a configuration value must be: the exception a core type throws when it refuses one. */
@NullMarked
package io.zerver.core.config;

import org.jspecify.annotations.NullMarked;
