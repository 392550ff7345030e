/** The real effect handlers, one package per family; {@link io.zerver.effects.ZerverEffects} wires them. */
@NullMarked
package io.zerver.effects;

import org.jspecify.annotations.NullMarked;
