/**
 * How Spring Boot properties are checked when they are bound: against the core types they are
 * mapped onto, which hold the only statement of each range ({@link CoreValueValidator}); and how a
 * value a core type refuses at start-up is explained in Boot's failure report.
 */
@NullMarked
package io.zerver.boot.properties;

import org.jspecify.annotations.NullMarked;
