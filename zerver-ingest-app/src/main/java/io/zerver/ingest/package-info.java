/**
 * The ingest app of two-process mode (docs/deployment.md): a Spring Boot application whose Reactor Netty
 * server forwards every clean request over the link to the supervisor. Wiring, properties, the
 * link's health and the shutdown order live here; the HTTP side is in {@code io.zerver.ingest.http}.
 */
@NullMarked
package io.zerver.ingest;

import org.jspecify.annotations.NullMarked;
