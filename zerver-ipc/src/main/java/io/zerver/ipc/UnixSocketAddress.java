package io.zerver.ipc;

import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import reactor.netty.resources.LoopResources;

/**
 * The address type the transport Reactor Netty picks will accept. The native transports (epoll,
 * kqueue) take Netty's {@link DomainSocketAddress} and reject the JDK's; plain NIO
 * ({@code -Dreactor.netty.native=false}, or no native library for the platform) is the other way
 * round.
 */
final class UnixSocketAddress {

    private UnixSocketAddress() {
    }

    static SocketAddress of(Path path) {
        return LoopResources.DEFAULT_NATIVE && LoopResources.hasNativeSupport()
                ? new DomainSocketAddress(path.toString())
                : UnixDomainSocketAddress.of(path);
    }
}
