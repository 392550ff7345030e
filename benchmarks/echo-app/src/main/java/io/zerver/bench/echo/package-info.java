/** The echo benchmark's WebFlux application: the echo feature embedded beside a plain handler. */
@NullMarked
package io.zerver.bench.echo;

import org.jspecify.annotations.NullMarked;
