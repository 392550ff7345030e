package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Reads and parses a JSON file under the configured base directory. */
public record FileJsonRead(String path, @Nullable Slot<Object> slot, EffectOptions options) implements ConfigurableEffect<FileJsonRead> {

    public FileJsonRead {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "file.read";
    }

    @Override
    public String target() {
        return "file";
    }

    @Override
    public boolean isWrite() {
        return false;
    }

    /** A copy whose result goes to {@code slot}. */
    public FileJsonRead into(Slot<Object> slot) {
        return new FileJsonRead(path, requireNonNull(slot, "slot"), options);
    }

    @Override
    public FileJsonRead withOptions(EffectOptions options) {
        return new FileJsonRead(path, slot, options);
    }
}
