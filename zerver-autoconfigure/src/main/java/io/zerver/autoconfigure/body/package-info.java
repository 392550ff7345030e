/**
 * Typed bodies through the application's Jackson mapper and Bean Validation validator. Start at
 * {@link io.zerver.autoconfigure.body.ZerverBodyAutoConfiguration}.
 */
@NullMarked
package io.zerver.autoconfigure.body;

import org.jspecify.annotations.NullMarked;
