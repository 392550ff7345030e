package io.zerver.core.engine;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.json.Json;
import io.zerver.core.json.JsonParseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Parses a request body as JSON, turning every problem into a 400. */
final class JsonBody {

    private JsonBody() {
    }

    static Object parse(byte[] body, int maxDepth) {
        if (body.length == 0) {
            throw new ZerverException(ErrorKind.INVALID_INPUT, "json", "empty_body");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ZerverException(ErrorKind.INVALID_INPUT, "json", "invalid_utf8");
        }
        try {
            return Json.parse(text, maxDepth);
        } catch (JsonParseException e) {
            throw new ZerverException(ErrorKind.INVALID_INPUT, "json", e.tooDeep() ? "too_deep" : "malformed");
        }
    }
}
