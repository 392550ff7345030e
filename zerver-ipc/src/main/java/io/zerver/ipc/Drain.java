package io.zerver.ipc;

/**
 * The sender is shutting down: the peer must send no new requests on this connection; requests
 * already in flight are still answered, then the connection closes.
 */
public record Drain() implements Frame {
}
