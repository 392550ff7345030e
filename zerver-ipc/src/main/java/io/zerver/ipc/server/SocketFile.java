package io.zerver.ipc.server;

import io.zerver.ipc.SocketPaths;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The socket file's life: a stale one is cleared, a live one is never taken; ours is bound under
 * a temporary name, made owner-only, renamed into place, and deleted only while it is still ours.
 */
final class SocketFile {

    private static final System.Logger LOG = System.getLogger(SocketFile.class.getName());

    private final Path path;
    private @Nullable Object fileKey;

    private SocketFile(Path path) {
        this.path = path;
    }

    /**
     * Checks {@code path} can become our socket: too long, a live server or something that is
     * not a socket refuses; a stale socket is deleted.
     */
    static SocketFile claim(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String problem = SocketPaths.serverProblem(absolute);
        if (problem != null) {
            throw new LinkBindException("socket path " + absolute + " is " + problem + "; choose a shorter path");
        }
        BasicFileAttributes attrs = attributes(absolute);
        if (attrs != null) {
            if (!attrs.isOther()) {
                throw new LinkBindException(absolute + " exists and is not a socket; refusing to replace it");
            }
            if (answers(absolute)) {
                throw new LinkBindException("a live server answers on " + absolute
                        + "; refusing to take it over (stop that server first)");
            }
            try {
                Files.deleteIfExists(absolute);
                LOG.log(System.Logger.Level.INFO, "replaced the stale socket file " + absolute);
            } catch (IOException e) {
                throw new LinkBindException("cannot delete the stale socket file " + absolute + ": " + e, e);
            }
        }
        return new SocketFile(absolute);
    }

    Path path() {
        return path;
    }

    /**
     * A sibling name to bind under before the rename: same directory, {@code .zl} and 8 hex
     * digits, within the limit ({@link #claim} checked that the directory leaves room for it).
     */
    Path temporary() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return path.resolveSibling(".zl" + HexFormat.of().formatHex(random));
    }

    /** Makes the freshly bound {@code temporary} owner-only and moves it to the socket path. */
    void publish(Path temporary) {
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            Files.move(temporary, path);
            BasicFileAttributes attrs = attributes(path);
            fileKey = attrs == null ? null : attrs.fileKey();
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(temporary);
            throw new LinkBindException("another server created " + path + " while this one was binding", e);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new LinkBindException("cannot publish the socket file " + path + ": " + e, e);
        }
    }

    /** Deletes the socket file if it is still the one this server published. */
    void deleteIfOurs() {
        BasicFileAttributes attrs = attributes(path);
        if (attrs == null || fileKey == null || !fileKey.equals(attrs.fileKey())) {
            return;
        }
        deleteQuietly(path);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + file + ": " + e);
        }
    }

    private static boolean answers(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new LinkBindException("cannot tell whether a server answers on " + path + ": " + e, e);
        }
    }

    private static @Nullable BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new LinkBindException("cannot read " + path + ": " + e, e);
        }
    }
}
