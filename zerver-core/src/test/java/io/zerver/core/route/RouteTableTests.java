package io.zerver.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.zerver.core.flow.Layer;
import io.zerver.core.route.RouteMatch.BadPath;
import io.zerver.core.route.RouteMatch.Found;
import io.zerver.core.route.RouteMatch.MethodNotAllowed;
import io.zerver.core.route.RouteMatch.NotFound;
import io.zerver.core.route.RouteMatch.Options;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTests {

    static final Consumer<RouteSpec> NOOP = r -> r.steps(step("main"));

    static Step step(String name) {
        return Step.of(name, ctx -> Decision.next());
    }

    static Found found(RouteMatch match) {
        assertThat(match).isInstanceOf(Found.class);
        return (Found) match;
    }

    @Test
    void matchesLiteralRouteWithoutParams() {
        RouteTable table = RouteTable.builder().get("/todos", NOOP).build();

        Found found = found(table.match("GET", "/todos"));

        assertThat(found.route().name()).isEqualTo("GET /todos");
        assertThat(found.params()).isEmpty();
        assertThat(found.headFromGet()).isFalse();
    }

    @Test
    void capturesParams() {
        RouteTable table = RouteTable.builder().get("/users/:user/todos/:id", NOOP).build();

        Found found = found(table.match("GET", "/users/ann/todos/42"));

        assertThat(found.params()).containsExactlyInAnyOrderEntriesOf(Map.of("user", "ann", "id", "42"));
    }

    @Test
    void springsBracedParametersAreTheSameParametersUnderOneName() {
        RouteTable table = RouteTable.builder().get("/users/{user}/todos/{id}", NOOP).build();

        Found found = found(table.match("GET", "/users/ann/todos/42"));

        assertThat(found.params()).containsExactlyInAnyOrderEntriesOf(Map.of("user", "ann", "id", "42"));
        assertThat(found.route().pattern()).isEqualTo("/users/:user/todos/:id");
        assertThat(found.route().name()).isEqualTo("GET /users/:user/todos/:id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().get("/todos/:id", NOOP).get("/todos/{id}", NOOP).build())
                .withMessageContaining("'GET /todos/:id'");
        assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.builder().get("/files/{name}.txt", NOOP).build())
                .withMessageContaining("':id' or '{id}'");
    }

    @Test
    void matchesRoot() {
        RouteTable table = RouteTable.builder().get("/", NOOP).get("/:page", NOOP).build();

        assertThat(found(table.match("GET", "/")).route().pattern()).isEqualTo("/");
        assertThat(found(table.match("GET", "/about")).route().pattern()).isEqualTo("/:page");
    }

    @Test
    void unknownPathIsNotFound() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).build();

        assertThat(table.match("GET", "/users/1")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "/todos")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "/todos/1/2")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "/")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "todos/1")).isInstanceOf(NotFound.class);
        assertThat(table.allowedMethods("/users/1")).isEmpty();
    }

    @Test
    void emptyTableFindsNothing() {
        RouteTable table = RouteTable.empty();

        assertThat(table.routes()).isEmpty();
        assertThat(table.match("GET", "/")).isInstanceOf(NotFound.class);
        assertThat(table.match("OPTIONS", "/x")).isInstanceOf(NotFound.class);
        assertThat(RouteTable.builder().build().routes()).isEmpty();
    }

    @Test
    void trailingSlashIsIgnored() {
        RouteTable table = RouteTable.builder().get("/todos", NOOP).get("/todos/:id", NOOP).get("/", NOOP).build();

        assertThat(found(table.match("GET", "/todos/")).route().pattern()).isEqualTo("/todos");
        assertThat(found(table.match("GET", "/todos/7/")).params()).containsEntry("id", "7");
        assertThat(found(table.match("GET", "/")).route().pattern()).isEqualTo("/");
        assertThat(table.match("GET", "/todos//")).isInstanceOf(NotFound.class);
    }

    @Test
    void emptySegmentsMatchNothing() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).get("/a/:x/:y", NOOP).get("/", NOOP).build();

        assertThat(table.match("GET", "/todos//1")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "//todos/1")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "/a//b")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "//")).isInstanceOf(NotFound.class);
        assertThat(table.allowedMethods("/todos//1")).isEmpty();
    }

    @Test
    void literalSegmentBeatsParamAtSamePosition() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).get("/todos/search", NOOP).build();

        assertThat(found(table.match("GET", "/todos/search")).route().pattern()).isEqualTo("/todos/search");
        assertThat(found(table.match("GET", "/todos/12")).route().pattern()).isEqualTo("/todos/:id");
    }

    @Test
    void moreLiteralSegmentsWinWhereverTheyAre() {
        RouteTable table = RouteTable.builder().get("/a/:x/:y", NOOP).get("/a/:x/c", NOOP).get("/:w/b/c", NOOP).build();

        assertThat(found(table.match("GET", "/a/b/c")).route().pattern()).isEqualTo("/a/:x/c");
        assertThat(found(table.match("GET", "/z/b/c")).route().pattern()).isEqualTo("/:w/b/c");
        assertThat(found(table.match("GET", "/a/b/d")).route().pattern()).isEqualTo("/a/:x/:y");
    }

    @Test
    void declarationOrderBreaksTies() {
        RouteTable first = RouteTable.builder().get("/a/:x", NOOP).get("/:y/b", NOOP).build();
        RouteTable second = RouteTable.builder().get("/:y/b", NOOP).get("/a/:x", NOOP).build();

        assertThat(found(first.match("GET", "/a/b")).route().pattern()).isEqualTo("/a/:x");
        assertThat(second.match("GET", "/a/b")).isInstanceOfSatisfying(Found.class,
                (f) -> assertThat(f.params()).containsExactly(Map.entry("y", "a")));
    }

    @Test
    void precedenceAppliesPerMethod() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).delete("/todos/search", NOOP).build();

        Found get = found(table.match("GET", "/todos/search"));
        Found delete = found(table.match("DELETE", "/todos/search"));

        assertThat(get.route().pattern()).isEqualTo("/todos/:id");
        assertThat(get.params()).containsEntry("id", "search");
        assertThat(delete.route().pattern()).isEqualTo("/todos/search");
        assertThat(table.allowedMethods("/todos/search")).containsExactly("DELETE", "GET", "HEAD", "OPTIONS");
        assertThat(table.allowedMethods("/todos/1")).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void answersMethodNotAllowedWithAllowForKnownPath() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).put("/todos/:id", NOOP).build();

        assertThat(table.match("POST", "/todos/1")).isInstanceOfSatisfying(MethodNotAllowed.class,
                (m) -> assertThat(m.allowed()).containsExactly("GET", "HEAD", "OPTIONS", "PUT"));
    }

    @Test
    void allowedMethodsOmitHeadWithoutGet() {
        RouteTable table = RouteTable.builder().post("/todos", NOOP).build();

        assertThat(table.allowedMethods("/todos")).containsExactly("OPTIONS", "POST");
        assertThat(table.match("HEAD", "/todos")).isInstanceOfSatisfying(MethodNotAllowed.class,
                (m) -> assertThat(m.allowed()).containsExactly("OPTIONS", "POST"));
    }

    @Test
    void headIsServedFromGet() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).build();

        Found found = found(table.match("HEAD", "/todos/3"));

        assertThat(found.route().method()).isEqualTo("GET");
        assertThat(found.headFromGet()).isTrue();
        assertThat(found.params()).containsEntry("id", "3");
    }

    @Test
    void explicitHeadRouteWinsOverGet() {
        RouteTable table = RouteTable.builder().get("/files/:name", NOOP).route("HEAD", "/files/:name", NOOP).build();

        Found found = found(table.match("HEAD", "/files/a.txt"));

        assertThat(found.route().method()).isEqualTo("HEAD");
        assertThat(found.headFromGet()).isFalse();
    }

    @Test
    void optionsListsAllowedMethods() {
        RouteTable table = RouteTable.builder().get("/todos", NOOP).post("/todos", NOOP).build();

        assertThat(table.match("OPTIONS", "/todos")).isInstanceOfSatisfying(Options.class,
                (o) -> assertThat(o.allowed()).containsExactly("GET", "HEAD", "OPTIONS", "POST"));
        assertThat(table.match("OPTIONS", "/nowhere")).isInstanceOf(NotFound.class);
    }

    @Test
    void explicitOptionsRouteIsFound() {
        RouteTable table = RouteTable.builder().get("/todos", NOOP).route("options", "/todos", NOOP).build();

        assertThat(found(table.match("OPTIONS", "/todos")).route().name()).isEqualTo("OPTIONS /todos");
    }

    @Test
    void registrationMethodsAreUpperCasedAndRequestMethodsMatchedExactly() {
        RouteTable table = RouteTable.builder().route("get", "/todos", NOOP).build();

        assertThat(table.routes().get(0).method()).isEqualTo("GET");
        assertThat(found(table.match("GET", "/todos")).route().name()).isEqualTo("GET /todos");
        assertThat(table.match("get", "/todos")).isInstanceOf(MethodNotAllowed.class);
    }

    @Test
    void decodesPercentEncodedParams() {
        RouteTable table = RouteTable.builder().get("/tags/:tag", NOOP).build();

        assertThat(found(table.match("GET", "/tags/caf%C3%A9")).params()).containsEntry("tag", "café");
        assertThat(found(table.match("GET", "/tags/a%2Fb%20c")).params()).containsEntry("tag", "a/b c");
        assertThat(found(table.match("GET", "/tags/a+b")).params()).containsEntry("tag", "a+b");
        assertThat(found(table.match("GET", "/tags/%F0%9F%98%80!")).params()).containsEntry("tag", "\uD83D\uDE00!");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/tags/%zz", "/tags/%4", "/tags/a%", "/tags/%C3", "/tags/%FF%FE", "/tags/%C3x%A9" })
    void malformedPercentEncodingIsBadPath(String path) {
        RouteTable table = RouteTable.builder().get("/tags/:tag", NOOP).build();

        assertThat(table.match("GET", path)).isInstanceOfSatisfying(BadPath.class,
                (b) -> assertThat(b.reason()).contains("'tag'"));
    }

    @Test
    void literalSegmentsAreComparedToTheRawSegment() {
        RouteTable table = RouteTable.builder().get("/todos", NOOP).build();

        assertThat(table.match("GET", "/tod%6Fs")).isInstanceOf(NotFound.class);
        assertThat(table.match("GET", "/Todos")).isInstanceOf(NotFound.class);
    }

    @Test
    void flowsAreMountedUnderFlowV1() {
        RouteTable table = RouteTable.builder().get("/todos", NOOP).flow("check-out2", "post", NOOP).build();

        Route flow = table.routes().get(1);
        assertThat(flow.isFlow()).isTrue();
        assertThat(flow.pattern()).isEqualTo("/flow/v1/check-out2");
        assertThat(flow.name()).isEqualTo("POST /flow/v1/check-out2");
        assertThat(table.routes().get(0).isFlow()).isFalse();
        assertThat(found(table.match("POST", "/flow/v1/check-out2")).route()).isSameAs(flow);
        assertThat(table.match("GET", "/flow/v1/check-out2")).isInstanceOf(MethodNotAllowed.class);
        assertThat(table.match("POST", "/flow/v1/other")).isInstanceOf(NotFound.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-lead", "Upper", "a_b", "a/b", "a b", "ü" })
    void rejectsInvalidFlowSlugs(String slug) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().flow(slug, "POST", NOOP).build())
                .withMessageContaining("slug: '" + slug + "'");
    }

    @Test
    void globalBeforeStepsPrecedeRouteBeforeSteps() {
        Step global = step("global");
        Step auth = step("auth");
        Step load = step("load");
        Step render = step("render");
        RouteTable table = RouteTable.builder()
                .before(global)
                .get("/todos/:id", r -> r.before(auth).steps(load).steps(render))
                .flow("sync", "POST", r -> r.steps(load))
                .build();

        Route route = table.routes().get(0);
        assertThat(route.pipeline().name()).isEqualTo("GET /todos/:id");
        assertThat(route.pipeline().steps()).containsExactly(global, auth, load, render);
        assertThat(route.pipeline().layer(0)).isEqualTo(Layer.GLOBAL);
        assertThat(route.pipeline().layer(1)).isEqualTo(Layer.ROUTE);
        assertThat(route.pipeline().layer(2)).isEqualTo(Layer.MAIN);
        assertThat(route.pipeline().layer(3)).isEqualTo(Layer.MAIN);
        assertThat(table.routes().get(1).pipeline().steps()).containsExactly(global, load);
    }

    @Test
    void globalBeforeStepsRunOnRoutesDeclaredBeforeThem() {
        Step global = step("global");
        Step load = step("load");
        RouteTable table = RouteTable.builder()
                .get("/early", r -> r.steps(load))
                .before(global)
                .get("/late", r -> r.steps(load))
                .build();

        assertThat(table.routes().get(0).pipeline().steps()).containsExactly(global, load);
        assertThat(table.routes().get(1).pipeline().steps()).containsExactly(global, load);
    }

    @Test
    void routesKeepDeclarationOrder() {
        RouteTable table = RouteTable.builder()
                .get("/b/:id", NOOP).get("/b/x", NOOP).post("/a", NOOP).put("/c", NOOP).patch("/c", NOOP)
                .delete("/c", NOOP)
                .build();

        assertThat(table.routes()).extracting(Route::name)
                .containsExactly("GET /b/:id", "GET /b/x", "POST /a", "PUT /c", "PATCH /c", "DELETE /c");
    }

    @Test
    void routeTimeoutDefaultsToNull() {
        RouteTable table = RouteTable.builder()
                .get("/slow", r -> r.steps(step("s")).timeout(Duration.ofSeconds(30)))
                .get("/fast", NOOP)
                .build();

        assertThat(table.routes().get(0).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(table.routes().get(1).timeout()).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1 })
    void rejectsNonPositiveTimeout(long seconds) {
        Duration timeout = Duration.ofSeconds(seconds);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().get("/x", r -> r.timeout(timeout)).build())
                .withMessage("timeout: " + timeout + " (expected: > 0)");
    }

    @Test
    void rejectsDuplicateRoute() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().get("/todos/:id", NOOP).get("/todos", NOOP)
                        .route("get", "/todos/:id", NOOP).build())
                .withMessageContaining("#1 'GET /todos/:id'")
                .withMessageContaining("#3 'GET /todos/:id'");
    }

    @Test
    void rejectsRoutesDifferingOnlyInParamNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().get("/todos/:id", NOOP).get("/todos/:key", NOOP).build())
                .withMessageContaining("'GET /todos/:id'")
                .withMessageContaining("'GET /todos/:key'");
    }

    @Test
    void rejectsRouteClashingWithFlow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().post("/flow/v1/sync", NOOP).flow("sync", "POST", NOOP).build())
                .withMessageContaining("'POST /flow/v1/sync'");
    }

    @Test
    void allowsSamePatternWithDifferentMethods() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).delete("/todos/:id", NOOP).build();

        assertThat(found(table.match("DELETE", "/todos/1")).route().name()).isEqualTo("DELETE /todos/:id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "todos", "//", "/todos/", "/todos//x", "/:", "/:1id", "/:id-x", "/a/:id/:id", "/*",
            "/files/*", "/a b", "/caf\u00e9", "/a%20b", "/a?b", "/{}", "/{1id}", "/x{id}", "/{id}x", "/{id}/{id}" })
    void rejectsInvalidPatterns(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().get(pattern, NOOP).build())
                .withMessageStartingWith("pattern: '" + pattern + "' (expected: ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "GE T", "G\u0131T", "GET\n" })
    void rejectsInvalidMethods(String method) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.builder().route(method, "/x", NOOP).build())
                .withMessageStartingWith("method: '" + method + "'");
    }

    @Test
    void acceptsParamNamesWithUnderscoresAndDigits() {
        RouteTable table = RouteTable.builder().get("/x/:_a1/:B_2", NOOP).build();

        assertThat(found(table.match("GET", "/x/1/2")).params()).containsOnly(Map.entry("_a1", "1"),
                Map.entry("B_2", "2"));
    }

    @Test
    void foundParamsAreUnmodifiable() {
        RouteTable table = RouteTable.builder().get("/todos/:id", NOOP).build();

        Map<String, String> params = found(table.match("GET", "/todos/1")).params();

        assertThat(params).isUnmodifiable();
    }
}
