package io.zerver.ipc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The rules a path must meet to be the link's Unix domain socket. The apps check them where the
 * path is configured, so that a bad one fails start-up naming the property; the server checks
 * them again where it binds.
 */
public final class SocketPaths {

    /** {@code sizeof(sockaddr_un.sun_path)} on Linux, less the terminating NUL. */
    public static final int MAX_BYTES = 107;

    /** The server binds under a sibling name first, {@code .zl} and 8 hex digits, then renames it into place. */
    static final int TEMPORARY_NAME_BYTES = 11;

    private SocketPaths() {
    }

    /**
     * Why a server cannot bind {@code path} (resolved against the working directory), or null
     * when it can: the path, and the temporary name in its directory, must fit the kernel's limit.
     */
    public static @Nullable String serverProblem(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (bytes(absolute) > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes, the limit for a Unix domain socket";
        }
        Path parent = absolute.getParent();
        if ((parent == null ? 0 : bytes(parent)) + 1 + TEMPORARY_NAME_BYTES > MAX_BYTES) {
            return "its directory is too deep: the temporary name the socket is bound under first ("
                    + TEMPORARY_NAME_BYTES + " bytes) would not fit in " + MAX_BYTES + " bytes";
        }
        return null;
    }

    /** Why a client cannot connect to {@code path}, or null when it can: absolute, within the kernel's limit. */
    public static @Nullable String clientProblem(Path path) {
        if (!path.isAbsolute()) {
            return "not an absolute path";
        }
        if (bytes(path) > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes, the limit for a Unix domain socket";
        }
        return null;
    }

    static int bytes(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
