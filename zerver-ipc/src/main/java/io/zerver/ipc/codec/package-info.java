/**
 * The link's byte layout (version 1, {@code docs/ipc-protocol.md}): {@link FrameCodec} turns
 * frames into bytes and back, {@link FrameDecoder} and {@link FrameEncoder} put it in a Netty
 * pipeline. Decoding never trusts a length: it is checked against the limit before anything is
 * allocated, and every malformed input ends as a {@link io.zerver.ipc.LinkProtocolException}.
 */
@NullMarked
package io.zerver.ipc.codec;

import org.jspecify.annotations.NullMarked;
