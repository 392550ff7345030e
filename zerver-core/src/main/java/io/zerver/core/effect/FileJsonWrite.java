package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Writes a JSON file atomically (temp file, then rename) under the base directory. */
public record FileJsonWrite(String path, Object json, @Nullable Slot<Boolean> slot, EffectOptions options) implements ConfigurableEffect<FileJsonWrite> {

    public FileJsonWrite {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "file.write";
    }

    @Override
    public String target() {
        return "file";
    }

    @Override
    public boolean isWrite() {
        return true;
    }

    /** A copy whose result goes to {@code slot}. */
    public FileJsonWrite into(Slot<Boolean> slot) {
        return new FileJsonWrite(path, json, requireNonNull(slot, "slot"), options);
    }

    @Override
    public FileJsonWrite withOptions(EffectOptions options) {
        return new FileJsonWrite(path, json, slot, options);
    }
}
