package io.zerver.effects.file;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directory file effects are confined to, and the check that keeps them there.
 *
 * <p>A path is refused, with InvalidInput (file, path_escapes_base), when it is absolute,
 * contains a NUL, normalizes to somewhere outside the base ({@code ../x},
 * {@code a/../../x}), or reaches outside through a symbolic link: the real path of the
 * deepest entry that exists along it must lie under the real base. A dangling link on the
 * way is refused too, since where it would lead cannot be checked.
 */
final class BaseDirectory {

    static final String ESCAPES = "path_escapes_base";

    private final Path realBase;

    private BaseDirectory(Path realBase) {
        this.realBase = realBase;
    }

    /** Creates {@code baseDir} when absent and resolves its real path. */
    static BaseDirectory create(Path baseDir) throws IOException {
        Files.createDirectories(baseDir);
        return new BaseDirectory(baseDir.toRealPath());
    }

    Path realBase() {
        return realBase;
    }

    /**
     * The file {@code path} names under the base. Touches the file system (to follow
     * links), so call it on the I/O pool.
     *
     * @throws ZerverException InvalidInput (file, path_escapes_base) when it escapes
     * @throws IOException when the file system cannot say where the path leads
     */
    Path resolve(String path) throws IOException {
        Path target = lexically(path);
        Path existing = target;
        while (!existing.equals(realBase) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw escapes(); // a dangling link: where it leads cannot be checked
        }
        if (!real.startsWith(realBase)) {
            throw escapes();
        }
        return target;
    }

    /** The normalized target, checked without touching the file system. */
    Path lexically(String path) {
        if (path.indexOf('\0') >= 0) {
            throw escapes();
        }
        Path relative;
        try {
            relative = Path.of(path);
        } catch (InvalidPathException e) {
            throw escapes();
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw escapes();
        }
        Path target = realBase.resolve(relative).normalize();
        if (!target.startsWith(realBase)) {
            throw escapes();
        }
        return target;
    }

    private static ZerverException escapes() {
        return new ZerverException(ErrorKind.INVALID_INPUT, "file", ESCAPES);
    }

    @Override
    public String toString() {
        return realBase.toString();
    }
}
