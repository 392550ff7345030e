package io.zerver.core.json;

/** A value that knows its JSON shape (maps, lists, strings, numbers, booleans). */
@FunctionalInterface
public interface JsonWritable {

    Object toJson();
}
