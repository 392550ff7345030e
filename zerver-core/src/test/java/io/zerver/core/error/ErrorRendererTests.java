package io.zerver.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorRendererTests {

    private final ErrorRenderer renderer = ErrorRenderer.json();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "InvalidInput, 400",
            "Unauthorized, 401",
            "Forbidden, 403",
            "NotFound, 404",
            "MethodNotAllowed, 405",
            "Conflict, 409",
            "PayloadTooLarge, 413",
            "UnprocessableContent, 422",
            "TooManyRequests, 429",
            "Internal, 500",
            "UpstreamUnavailable, 502",
            "Overloaded, 503",
            "Timeout, 504"
    })
    void everyKindAnswersWithItsSpecStatus(String label, int status) {
        ErrorKind kind = kind(label);

        Response response = renderer.render(ZerverError.of(kind, "todo", "42"), "r1");

        assertThat(kind.status()).isEqualTo(status);
        assertThat(response.status()).isEqualTo(status);
        assertThat(Json.parse(response.bodyAsString(), 4))
                .isEqualTo(Map.of("error", Map.of("kind", label, "what", "todo", "key", "42", "requestId", "r1")));
    }

    @Test
    void specTableCoversEveryKind() {
        assertThat(ErrorKind.values()).hasSize(13);
    }

    @Test
    void defaultBodyIsExactlyTheDocumentedShape() {
        Response response = renderer.render(ZerverError.of(ErrorKind.NOT_FOUND, "todo", "42"), "r1");

        assertThat(response.bodyAsString())
                .isEqualTo("{\"error\":{\"kind\":\"NotFound\",\"what\":\"todo\",\"key\":\"42\",\"requestId\":\"r1\"}}");
        assertThat(response.header("Content-Type")).hasValue("application/json");
        assertThat(response.header("Retry-After")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = {"OVERLOADED", "TOO_MANY_REQUESTS"})
    void overloadAndRateLimitCarryRetryAfter(ErrorKind kind) {
        Response response = renderer.render(ZerverError.of(kind, "server", "busy"), "r1");

        assertThat(response.header("Retry-After")).hasValue("1");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = {"OVERLOADED", "TOO_MANY_REQUESTS"}, mode = EnumSource.Mode.EXCLUDE)
    void otherKindsCarryNoRetryAfter(ErrorKind kind) {
        assertThat(renderer.render(ZerverError.of(kind, "x", "y"), "r1").headers().contains("Retry-After")).isFalse();
    }

    @Test
    void escapesSpecialCharactersInTheKey() {
        String key = "a\"b\\c\n\u0001\u2028</script>";

        Response response = renderer.render(ZerverError.of(ErrorKind.INVALID_INPUT, "todo", key), "r\"1");

        assertThat(response.bodyAsString()).contains("\"key\":\"a\\\"b\\\\c\\n\\u0001\\u2028</script>\"")
                .contains("\"requestId\":\"r\\\"1\"");
        assertThat(Json.parse(response.bodyAsString(), 4)).isEqualTo(
                Map.of("error", Map.of("kind", "InvalidInput", "what", "todo", "key", key, "requestId", "r\"1")));
    }

    @Test
    void transientKindsAreTheRetryableOnes() {
        assertThat(ErrorKind.values()).filteredOn(ErrorKind::isTransient).containsExactlyInAnyOrder(
                ErrorKind.TIMEOUT, ErrorKind.UPSTREAM_UNAVAILABLE, ErrorKind.OVERLOADED, ErrorKind.TOO_MANY_REQUESTS);
    }

    @Test
    void exceptionCarriesTheError() {
        ZerverException e = new ZerverException(ErrorKind.CONFLICT, "todo", "7");

        assertThat(e.error()).isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "todo", "7"));
        assertThat(e).hasMessage("Conflict(todo, 7)");
        assertThat(e.error().status()).isEqualTo(409);
    }

    private static ErrorKind kind(String label) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new AssertionError("no kind labelled " + label);
    }
}
