package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

/** One HTTP header line as it crossed the link, in order, repeats kept. */
public record Header(String name, String value) {

    public Header {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
    }
}
