/**
 * JMH benchmarks of the engine. Built by {@code ./mvnw verify}, run by hand with
 * {@code benchmarks/run.sh}; the method and the latest figures are in
 * {@code docs/performance.md}.
 */
@NullMarked
package io.zerver.benchmarks;

import org.jspecify.annotations.NullMarked;
