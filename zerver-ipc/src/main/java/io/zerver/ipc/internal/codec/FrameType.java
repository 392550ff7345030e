package io.zerver.ipc.internal.codec;

import io.zerver.ipc.Drain;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Frame;
import io.zerver.ipc.Hello;
import io.zerver.ipc.Ping;
import io.zerver.ipc.Pong;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import org.jspecify.annotations.Nullable;

/** The type byte that follows the length. Wire values are fixed. */
enum FrameType {
    HELLO(0x01),
    REQUEST(0x02),
    RESPONSE(0x03),
    ERROR(0x04),
    PING(0x05),
    PONG(0x06),
    DRAIN(0x07);

    private final int wire;

    FrameType(int wire) {
        this.wire = wire;
    }

    int wire() {
        return wire;
    }

    static @Nullable FrameType fromWire(int wire) {
        for (FrameType type : values()) {
            if (type.wire == wire) {
                return type;
            }
        }
        return null;
    }

    static FrameType of(Frame frame) {
        if (frame instanceof RequestFrame) {
            return REQUEST;
        }
        if (frame instanceof ResponseFrame) {
            return RESPONSE;
        }
        if (frame instanceof ErrorFrame) {
            return ERROR;
        }
        if (frame instanceof Ping) {
            return PING;
        }
        if (frame instanceof Pong) {
            return PONG;
        }
        if (frame instanceof Hello) {
            return HELLO;
        }
        if (frame instanceof Drain) {
            return DRAIN;
        }
        throw new IllegalArgumentException("frame: " + frame.getClass().getName() + " (expected: a known frame)");
    }
}
