package io.zerver.ipc;

import reactor.core.publisher.Mono;

/** The supervisor's side: answers each forwarded request. Called concurrently. */
@FunctionalInterface
public interface LinkHandler {

    /** Answers one request; the reply's id must be the request's. */
    Mono<Reply> handle(RequestFrame request);
}
