/**
 * The plain reference application of {@code benchmarks/wrk/starter.sh}: Spring Boot WebFlux and
 * JdbcClient, no Zerver. Its endpoint classes are public so that the starter app imports them.
 */
@NullMarked
package io.zerver.bench.plain;

import org.jspecify.annotations.NullMarked;
