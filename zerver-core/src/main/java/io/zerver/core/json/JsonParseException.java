package io.zerver.core.json;

/** The text is not JSON, or is nested deeper than allowed. */
public final class JsonParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final boolean tooDeep;

    JsonParseException(String message, int offset, boolean tooDeep) {
        super(message + " at offset " + offset);
        this.offset = offset;
        this.tooDeep = tooDeep;
    }

    /** Where in the text the problem was found. */
    public int offset() {
        return offset;
    }

    /** Whether the document was refused for its nesting depth rather than its syntax. */
    public boolean tooDeep() {
        return tooDeep;
    }
}
