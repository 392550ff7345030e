package io.zerver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SocketPathsTests {

    /** An absolute path of exactly {@code bytes} bytes, in a directory of {@code dirBytes}. */
    private static Path path(int dirBytes, int bytes) {
        String dir = "/" + "d".repeat(dirBytes - 1);
        return Path.of(dir, "s".repeat(bytes - dirBytes - 1));
    }

    @Test
    void serverAcceptsAPathAtTheKernelsLimitInAShallowDirectory() {
        Path path = path(20, SocketPaths.MAX_BYTES);

        assertThat(SocketPaths.bytes(path)).isEqualTo(107);
        assertThat(SocketPaths.serverProblem(path)).isNull();
    }

    @Test
    void serverRefusesAPathOneByteOverTheLimit() {
        assertThat(SocketPaths.serverProblem(path(20, SocketPaths.MAX_BYTES + 1))).contains("longer than 107 bytes");
    }

    @Test
    void serverRefusesADirectoryTooDeepForTheTemporaryName() {
        Path deepest = path(95, 100);
        Path tooDeep = path(96, 100);

        assertThat(SocketPaths.serverProblem(deepest)).isNull();
        assertThat(SocketPaths.serverProblem(tooDeep)).contains("directory is too deep");
    }

    @Test
    void serverResolvesARelativePathAgainstTheWorkingDirectory() {
        assertThat(SocketPaths.serverProblem(Path.of("zerver.sock"))).isNull();
        assertThat(SocketPaths.serverProblem(Path.of("s".repeat(120)))).contains("longer than 107 bytes");
    }

    @Test
    void clientRefusesARelativePathAndOneOverTheLimit() {
        assertThat(SocketPaths.clientProblem(Path.of("zerver.sock"))).isEqualTo("not an absolute path");
        assertThat(SocketPaths.clientProblem(path(20, 108))).contains("longer than 107 bytes");
        assertThat(SocketPaths.clientProblem(path(20, 107))).isNull();
    }
}
