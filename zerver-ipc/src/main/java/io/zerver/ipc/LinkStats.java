package io.zerver.ipc;

/**
 * A snapshot of one end of the link, for metrics.
 *
 * @param connections connections that completed their handshake and are still open
 * @param inFlight requests sent (client) or being handled (server) and not yet answered
 * @param reconnects connections the client re-established after losing one (always 0 on the
 *     server)
 * @param protocolErrors connections closed because of a protocol error, either side's
 * @param lateReplies replies the client dropped because their caller had cancelled (always 0
 *     on the server)
 * @param handOffs requests the client sent from a thread other than their connection's event
 *     loop, each a hand-off to that loop (always 0 on the server)
 */
public record LinkStats(int connections, int inFlight, long reconnects, long protocolErrors, long lateReplies,
        long handOffs) {
}
