package io.zerver.bench.plain;

/** The body of {@code GET /json}: {@code {"message":"Hello, World!"}}, written by Spring's Jackson encoder. */
public record Greeting(String message) {

    /** The one greeting {@code GET /json} answers. */
    public static final String HELLO = "Hello, World!";
}
