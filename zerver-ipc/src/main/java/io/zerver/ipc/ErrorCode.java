package io.zerver.ipc;

/** Why a request got no response, or why a connection is being closed. Wire values are fixed. */
public enum ErrorCode {
    /** The supervisor gave up before the request's deadline. */
    TIMEOUT(1),
    /** The feature serving the route failed outside the pipeline's own error handling. */
    FEATURE_CRASH(2),
    /** No feature serves this route. */
    ROUTE_NOT_FOUND(3),
    /** Anything else on the supervisor's side. */
    INTERNAL(4),
    /** The supervisor sheds load (queue full, draining). */
    OVERLOADED(5),
    /** The peer broke the protocol (connection-level, id 0): the connection closes after it. */
    PROTOCOL(6);

    private final int wire;

    ErrorCode(int wire) {
        this.wire = wire;
    }

    /** The byte this code travels as. */
    public int wire() {
        return wire;
    }

    /** The code for a wire byte; {@link #INTERNAL} for a value this build does not know. */
    public static ErrorCode fromWire(int wire) {
        for (ErrorCode code : values()) {
            if (code.wire == wire) {
                return code;
            }
        }
        return INTERNAL;
    }
}
