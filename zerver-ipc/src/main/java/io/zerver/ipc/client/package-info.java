/**
 * The ingest's end of the link: {@link io.zerver.ipc.client.PooledLinkClient} keeps a pool of
 * connections to the supervisor's socket and multiplexes requests over them. The slots and
 * connections of the pool are package-private.
 */
@NullMarked
package io.zerver.ipc.client;

import org.jspecify.annotations.NullMarked;
