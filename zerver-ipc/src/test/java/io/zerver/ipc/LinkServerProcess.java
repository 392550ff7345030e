package io.zerver.ipc;

import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * A supervisor stand-in run as its own JVM, so a test can kill it with SIGKILL: serves the echo
 * handler on the path in {@code args[0]} (holding {@code /hold} requests for a minute), prints
 * {@code ready}, then waits.
 */
public final class LinkServerProcess {

    private LinkServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LinkServer.bind(Path.of(args[0]), request -> request.target().equals("/hold")
                ? Mono.delay(Duration.ofMinutes(1)).then(Mono.empty())
                : LinkTesting.echo(request), LinkServerOptions.defaults());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
