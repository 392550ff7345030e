package io.zerver.core.error;

import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JsonErrorRenderer implements ErrorRenderer {

    static final JsonErrorRenderer INSTANCE = new JsonErrorRenderer();

    private JsonErrorRenderer() {
    }

    @Override
    public Response render(ZerverError error, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", error.kind().label());
        body.put("what", error.what());
        body.put("key", error.key());
        body.put("requestId", requestId);
        if (!error.fields().isEmpty()) {
            List<Map<String, Object>> fields = new ArrayList<>(error.fields().size());
            for (FieldError field : error.fields()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("field", field.field());
                entry.put("message", field.message());
                fields.add(entry);
            }
            body.put("fields", fields);
        }
        String json = Json.write(Map.of("error", body));
        Headers headers = Headers.of("Content-Type", "application/json");
        if (error.kind() == ErrorKind.OVERLOADED || error.kind() == ErrorKind.TOO_MANY_REQUESTS) {
            headers = headers.with("Retry-After", "1");
        }
        return new Response(error.status(), headers, json.getBytes(StandardCharsets.UTF_8));
    }
}
