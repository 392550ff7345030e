package io.zerver.ipc.client;

import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import reactor.core.publisher.Mono;

/**
 * The ingest's side: sends requests over a small pool of connections, many in flight on each,
 * and matches replies by id.
 */
public interface LinkClient extends AutoCloseable {

    /**
     * Sends a request and completes with its reply. The client assigns the link id (the one in
     * {@code request} is ignored). Fails at once with {@link LinkUnavailableException} when no
     * connection to the supervisor is up, or when the connection carrying it is lost before
     * the reply; fails with {@link io.zerver.ipc.LinkProtocolException} when the request has no wire form or
     * exceeds the supervisor's frame limit (that connection stays up). Cancelling drops the
     * pending entry, so a late reply is discarded by id.
     */
    Mono<Reply> exchange(RequestFrame request);

    /** Whether at least one connection has completed its handshake and is not draining. */
    boolean isConnected();

    /** Closes every connection; pending exchanges fail with {@link LinkUnavailableException}. */
    @Override
    void close();
}
