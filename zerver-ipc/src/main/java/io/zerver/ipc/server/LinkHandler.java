package io.zerver.ipc.server;

import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import reactor.core.publisher.Mono;

/**
 * The supervisor's side: answers each forwarded request. Called concurrently, on the event loop of
 * the connection the request arrived on, so it must return at once and do its work
 * asynchronously; a handler that throws, errors or completes empty is answered with
 * {@code ErrorFrame(id, INTERNAL, ...)}.
 */
@FunctionalInterface
public interface LinkHandler {

    /** Answers one request; the reply's id must be the request's. */
    Mono<Reply> handle(RequestFrame request);
}
