/** OTLP export of Zerver's spans through Spring Boot's OpenTelemetry support. */
@NullMarked
package io.zerver.autoconfigure.otlp;

import org.jspecify.annotations.NullMarked;
