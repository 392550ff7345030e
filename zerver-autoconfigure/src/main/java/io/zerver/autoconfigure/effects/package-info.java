/**
 * Auto-configuration of the effects: one auto-configuration per family, each present when its
 * library is, and their composition into the engine's handlers.
 */
@NullMarked
package io.zerver.autoconfigure.effects;

import org.jspecify.annotations.NullMarked;
