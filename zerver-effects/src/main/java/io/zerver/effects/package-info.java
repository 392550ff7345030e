/**
 * The real effect handlers, one package per family, each needing only its own library:
 * {@code jdbc}, {@code http}, {@code file}, {@code cache}, {@code compute}.
 * {@link io.zerver.effects.ZerverEffects} composes the families an application chose.
 */
@NullMarked
package io.zerver.effects;

import org.jspecify.annotations.NullMarked;
