/**
 * The ingest's HTTP side: request hygiene at the Netty level ({@link io.zerver.ingest.http.IngestServerCustomizer}),
 * then forwarding over the link ({@link io.zerver.ingest.http.LinkForwarder}). A request that fails a check is
 * answered here and never crosses the link.
 */
@NullMarked
package io.zerver.ingest.http;

import org.jspecify.annotations.NullMarked;
