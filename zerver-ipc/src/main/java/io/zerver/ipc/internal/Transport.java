package io.zerver.ipc.internal;

import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import reactor.netty.resources.LoopResources;

/**
 * What the transport Reactor Netty picks can do. The native transports (epoll, kqueue) take
 * Netty's {@link DomainSocketAddress}, reject the JDK's, and support half-closure; plain NIO
 * ({@code -Dreactor.netty.native=false}, or no native library for the platform) takes only the
 * JDK's address and has no half-closure on domain sockets.
 */
public final class Transport {

    private Transport() {
    }

    /** Whether Reactor Netty runs on a native transport (epoll, kqueue) rather than NIO. */
    public static boolean isNative() {
        return LoopResources.DEFAULT_NATIVE && LoopResources.hasNativeSupport();
    }

    /** The address of the socket file {@code path} in the form the transport takes. */
    public static SocketAddress address(Path path) {
        return isNative() ? new DomainSocketAddress(path.toString()) : UnixDomainSocketAddress.of(path);
    }
}
