package io.zerver.core.engine;

import io.zerver.core.body.BodyCodec;
import io.zerver.core.body.BodyValidator;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.FieldError;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed bodies: a request body read into a type and checked, a response's entity written as
 * JSON, with the application's {@link BodyCodec} and {@link BodyValidator} when it gave them.
 */
final class Bodies {

    private final @Nullable BodyCodec codec;
    private final @Nullable BodyValidator validator;

    Bodies(@Nullable BodyCodec codec, @Nullable BodyValidator validator) {
        this.codec = codec;
        this.validator = validator;
    }

    /**
     * {@code body} read as {@code type}, then validated. The client's mistakes are 400s:
     * InvalidInput ("json", "empty_body" | "malformed") for the body as a whole, ("body",
     * "unreadable") or ("body", "invalid") with the fields in error.
     */
    <T> T read(byte[] body, Class<T> type) {
        BodyCodec reader = codec;
        if (reader == null) {
            throw new IllegalStateException("StepContext.body(" + type.getSimpleName() + ") needs a BodyCodec:"
                    + " the Spring Boot starter gives the application's Jackson mapper; without it,"
                    + " Engine.builder().bodyCodec(...), or read the body with StepContext.json()");
        }
        if (body.length == 0) {
            throw new ZerverException(ErrorKind.INVALID_INPUT, "json", "empty_body");
        }
        T value;
        try {
            value = reader.read(body, type);
        } catch (BodyCodec.Unreadable e) {
            throw new ZerverException(e.field().isEmpty()
                    ? ZerverError.of(ErrorKind.INVALID_INPUT, "json", "malformed")
                    : ZerverError.invalidFields("body", "unreadable",
                            List.of(new FieldError(e.field(), String.valueOf(e.getMessage())))), e);
        }
        if (value == null) {
            // The JSON literal null: no body of that type.
            throw new ZerverException(ErrorKind.INVALID_INPUT, "json", "empty_body");
        }
        BodyValidator checks = validator;
        if (checks != null) {
            List<FieldError> errors = checks.validate(value);
            if (!errors.isEmpty()) {
                throw new ZerverException(ZerverError.invalidFields("body", "invalid", errors));
            }
        }
        return value;
    }

    /** {@code response} with its entity, if it has one, written as its JSON body. */
    Response written(Response response) {
        Object entity = response.entity();
        if (entity == null) {
            return response;
        }
        BodyCodec writer = codec;
        if (writer != null) {
            return response.withEntityWritten(writer.write(entity));
        }
        try {
            return response.withEntityWritten(Json.write(entity).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Response.json(" + entity.getClass().getSimpleName() + ") needs a"
                    + " BodyCodec (the Spring Boot starter gives the application's Jackson mapper; without it,"
                    + " Engine.builder().bodyCodec(...)): " + e.getMessage(), e);
        }
    }
}
