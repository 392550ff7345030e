/**
 * Typed request and response bodies: the {@link io.zerver.core.body.BodyCodec} and
 * {@link io.zerver.core.body.BodyValidator} an application plugs into the engine.
 */
@NullMarked
package io.zerver.core.body;

import org.jspecify.annotations.NullMarked;
