package io.zerver.ipc;

import java.util.Arrays;

/** Byte array plumbing for tests that write raw frames. */
final class FrameCodecBytes {

    private FrameCodecBytes() {
    }

    static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
