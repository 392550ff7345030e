/**
 * The supervisor's end of the link: {@link io.zerver.ipc.server.LinkServer} serves a
 * {@link io.zerver.ipc.server.LinkHandler} on a Unix domain socket it owns. The connections and
 * the socket file's life are package-private.
 */
@NullMarked
package io.zerver.ipc.server;

import org.jspecify.annotations.NullMarked;
