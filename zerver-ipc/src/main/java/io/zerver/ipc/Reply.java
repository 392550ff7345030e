package io.zerver.ipc;

/** What the supervisor answers a {@link RequestFrame} with: a response or an error, same id. */
public sealed interface Reply extends Frame permits ResponseFrame, ErrorFrame {

    /** The id of the request this answers. */
    long id();
}
