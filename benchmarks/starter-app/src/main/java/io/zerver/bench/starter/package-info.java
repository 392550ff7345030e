/** The starter app of {@code benchmarks/wrk/starter.sh}: the plain app, the starter, three Zerver routes. */
@NullMarked
package io.zerver.bench.starter;

import org.jspecify.annotations.NullMarked;
