package io.zerver.core.body;

/**
 * Reads request bodies into the application's types and writes its objects as JSON: the
 * application's own mapper (with the Spring Boot starter, its Jackson {@code JsonMapper}), so
 * that a body reads and writes as its controllers' bodies do. The core has none of its own and
 * stays free of any JSON library: {@code StepContext.body(Class)} and {@code Response.json(Object)}
 * of anything but maps, lists and scalars need one ({@code Engine.builder().bodyCodec(...)}).
 */
public interface BodyCodec {

    /**
     * {@code json} read as {@code type}.
     *
     * @throws Unreadable when it is not JSON, or not JSON of that shape
     */
    <T> T read(byte[] json, Class<T> type);

    /** {@code value} as JSON, UTF-8. */
    byte[] write(Object value);

    /**
     * A body that cannot be read as the type asked for. Its {@code field} and message are shown
     * to the client: say where and what, never echo the body.
     */
    final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String field;

        /**
         * @param field the path of the field that could not be read ({@code items[2].quantity}),
         *     or the empty string for the body as a whole
         */
        public Unreadable(String field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
