/**
 * The link's byte layout ({@code docs/ipc-protocol.md}): {@link io.zerver.ipc.internal.codec.FrameCodec}
 * turns frames into bytes and back, {@link io.zerver.ipc.internal.codec.FrameDecoder} and
 * {@link io.zerver.ipc.internal.codec.FrameEncoder} put it in a Netty pipeline. Decoding never
 * trusts a length: it is checked against the limit before anything is allocated, and every
 * malformed input ends as a {@link io.zerver.ipc.LinkProtocolException}. Not an API: used only
 * by {@code io.zerver.ipc.server} and {@code io.zerver.ipc.client}.
 */
@NullMarked
package io.zerver.ipc.internal.codec;

import org.jspecify.annotations.NullMarked;
