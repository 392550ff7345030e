/**
 * The link between the ingest and the supervisor (docs/ipc-protocol.md): the frames that cross it and the
 * two ends that exchange them. Frames are length-prefixed, typed and versioned by a handshake;
 * the byte layout is in {@code docs/ipc-protocol.md}.
 */
@NullMarked
package io.zerver.ipc;

import org.jspecify.annotations.NullMarked;
