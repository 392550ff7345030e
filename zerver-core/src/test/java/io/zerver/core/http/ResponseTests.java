package io.zerver.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTests {

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 99, 600, 1000})
    void rejectsStatusOutsideTheHttpRange(int status) {
        assertThatIllegalArgumentException().isThrownBy(() -> Response.status(status))
                .withMessage("status: " + status + " (expected: 100..599)");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 200, 404, 599})
    void acceptsStatusInsideTheHttpRange(int status) {
        assertThat(Response.status(status).status()).isEqualTo(status);
    }

    @Test
    void jsonSetsTheJsonContentType() {
        Response response = Response.json(201, "{\"a\":1}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("content-type")).hasValue("application/json");
        assertThat(response.bodyAsString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void textSetsThePlainTextContentType() {
        Response response = Response.text(200, "héllo");

        assertThat(response.header("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).hasSize(6);
        assertThat(response.bodyAsString()).isEqualTo("héllo");
    }

    @Test
    void htmlSetsTheHtmlContentType() {
        assertThat(Response.html(200, "<p>hi</p>").header("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void noContentIsAnEmpty204() {
        Response response = Response.noContent();

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().isEmpty()).isTrue();
    }

    @Test
    void headerWithersReturnCopies() {
        Response response = Response.text(200, "x");

        Response added = response.withHeader("Content-Type", "text/csv");
        Response replaced = response.withOnlyHeader("content-type", "text/csv");

        assertThat(added.headers().all("Content-Type")).containsExactly("text/plain; charset=utf-8", "text/csv");
        assertThat(replaced.headers().all("Content-Type")).containsExactly("text/csv");
        assertThat(response.headers().all("Content-Type")).containsExactly("text/plain; charset=utf-8");
    }

    @Test
    void withoutBodyKeepsStatusAndHeaders() {
        Response response = Response.json(200, "{}").withoutBody();

        assertThat(response.body()).isEmpty();
        assertThat(response.header("Content-Type")).hasValue("application/json");
        assertThat(response).hasToString("Response[200, {Content-Type: application/json}, 0 bytes]");
    }
}
