package io.zerver.autoconfigure.body;

import io.zerver.core.body.BodyCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's Jackson 3 {@link JsonMapper} as the engine's {@link BodyCodec}: a body reads
 * and writes as the application's controllers' bodies do (its modules, naming strategy, dates).
 */
final class JacksonBodyCodec implements BodyCodec {

    private final JsonMapper mapper;

    JacksonBodyCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (StreamReadException e) {
            // Not JSON at all: the body as a whole.
            throw new Unreadable("", "malformed JSON", e);
        } catch (InvalidDefinitionException e) {
            // The type cannot be read at all (no creator, a bad annotation): the application's mistake, a 500.
            throw new IllegalStateException("ctx.body(" + type.getSimpleName() + "): Jackson cannot read that type: "
                    + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            // JSON of another shape: say which field and what was expected, never echo the value.
            throw new Unreadable(path(e), "cannot be read as " + expected(e), e);
        }
    }

    @Override
    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** {@code items[2].quantity}: the field's path as the client wrote it. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String expected(JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "a " + mismatch.getTargetType().getSimpleName();
        }
        return "its type";
    }
}
