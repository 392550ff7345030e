/**
 * The link between the ingest and the supervisor, its vocabulary: the {@link io.zerver.ipc.Frame}s
 * that cross it, the {@link io.zerver.ipc.LinkStats} both ends report, the protocol's exception
 * and the rules of its socket path. Frames are length-prefixed, typed and versioned by a
 * handshake; the byte layout is in {@code docs/ipc-protocol.md}. The two ends live in
 * {@link io.zerver.ipc.server} (the supervisor's) and {@link io.zerver.ipc.client} (the
 * ingest's); this package depends on neither.
 */
@NullMarked
package io.zerver.ipc;

import org.jspecify.annotations.NullMarked;
