package io.zerver.ipc;

/**
 * One message on the link. Every frame travels as a 4-byte big-endian length followed by a
 * one-byte type and the type's payload ({@code docs/ipc-protocol.md}).
 */
public sealed interface Frame permits Hello, RequestFrame, Reply, Ping, Pong, Drain {
}
