/**
 * The file effect handlers: JSON read and atomic JSON write, confined to one base
 * directory, performed on a bounded pool of their own. Start at {@link io.zerver.effects.file.FileEffects}.
 */
@NullMarked
package io.zerver.effects.file;

import org.jspecify.annotations.NullMarked;
