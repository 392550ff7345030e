/** The echo route as a feature jar, for the two-process benchmark. */
@NullMarked
package io.zerver.bench.echofeature;

import org.jspecify.annotations.NullMarked;
