package io.zerver.effects.file;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.json.Json;
import io.zerver.core.json.JsonParseException;
import io.zerver.core.json.JsonWritable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The blocking file operations behind the effects: call them on the I/O pool only.
 * Failures the caller should see are {@link ZerverException}s; any other
 * {@link IOException} is left for {@link FileEffects} to report as UpstreamUnavailable.
 */
final class JsonFileStore {

    private final BaseDirectory base;
    private final long maxFileSize;
    private final int maxJsonDepth;

    JsonFileStore(BaseDirectory base, long maxFileSize, int maxJsonDepth) {
        this.base = base;
        this.maxFileSize = maxFileSize;
        this.maxJsonDepth = maxJsonDepth;
    }

    /** The parsed document at {@code path}. */
    Object read(String path) throws IOException {
        Path target = base.resolve(path);
        if (!Files.exists(target)) {
            throw notFound(path);
        }
        if (!Files.isRegularFile(target)) {
            throw notAFile();
        }
        ByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > maxFileSize) {
                throw new ZerverException(ErrorKind.INTERNAL, "file", "too_large");
            }
            // One byte more than the size, to notice a file that grows while it is read.
            bytes = ByteBuffer.allocate((int) size + 1);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // keep reading until full or at the end
            }
            if (!bytes.hasRemaining()) {
                throw new IOException("file " + target + " grew while it was read (expected: replaced atomically)");
            }
        } catch (NoSuchFileException e) {
            throw notFound(path); // removed between the check and the open
        }
        bytes.flip();
        try {
            return Json.parse(StandardCharsets.UTF_8.newDecoder().decode(bytes).toString(), maxJsonDepth);
        } catch (CharacterCodingException | JsonParseException e) {
            throw new ZerverException(ErrorKind.INTERNAL, "file", "malformed_json");
        }
    }

    /**
     * Writes {@code json} to {@code path} atomically: a temporary file in the same
     * directory, forced to disk, then renamed over the target. A reader sees the old
     * document or the new one, never a part; the temporary file never outlives a failure.
     */
    void write(String path, Object json) throws IOException {
        byte[] bytes = serialize(json);
        Path target = base.resolve(path);
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw notAFile();
        }
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw notAFile(); // a file stands where a directory of the path should be
        }
        Path temp = Files.createTempFile(dir, ".zerver-", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        forceDirectory(dir);
    }

    /**
     * The UTF-8 text of {@code json}: a tree is written with {@link Json#write}, a
     * {@code String} is taken as already-written JSON and must parse.
     */
    byte[] serialize(Object json) {
        String text;
        if (json instanceof String s) {
            try {
                Json.parse(s, maxJsonDepth);
            } catch (JsonParseException e) {
                throw new ZerverException(ErrorKind.INVALID_INPUT, "file", e.tooDeep() ? "too_deep" : "not_json");
            }
            text = s;
        } else {
            if (depthExceeds(json, maxJsonDepth)) {
                throw new ZerverException(ErrorKind.INVALID_INPUT, "file", "too_deep");
            }
            try {
                text = Json.write(json);
            } catch (IllegalArgumentException e) {
                throw new ZerverException(ErrorKind.INVALID_INPUT, "file", "not_json");
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxFileSize) {
            throw new ZerverException(ErrorKind.PAYLOAD_TOO_LARGE, "file", "too_large");
        }
        return bytes;
    }

    /**
     * Whether {@code value} nests containers deeper than {@code limit}, counted as the
     * parser counts them. Stops at the limit, so a cyclic structure is merely too deep.
     */
    static boolean depthExceeds(Object value, int limit) {
        Object v = value instanceof JsonWritable w ? w.toJson() : value;
        if (!(v instanceof Map<?, ?>) && !(v instanceof Iterable<?>)) {
            return false;
        }
        if (limit == 0) {
            return true;
        }
        Iterable<?> children = v instanceof Map<?, ?> map ? map.values() : (Iterable<?>) v;
        for (Object child : children) {
            if (child != null && depthExceeds(child, limit - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Makes the rename durable; some file systems cannot open a directory, which is fine. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the rename is done; only its durability across a power loss is less certain
        }
    }

    private static ZerverException notFound(String path) {
        return new ZerverException(ErrorKind.NOT_FOUND, "file", path);
    }

    private static ZerverException notAFile() {
        return new ZerverException(ErrorKind.INVALID_INPUT, "file", "not_a_file");
    }
}
