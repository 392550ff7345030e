/**
 * What both ends of the link share and no user of it needs: the {@link io.zerver.ipc.internal.Transport}
 * rules. Not an API: used only by {@code io.zerver.ipc.server} and {@code io.zerver.ipc.client}.
 */
@NullMarked
package io.zerver.ipc.internal;

import org.jspecify.annotations.NullMarked;
