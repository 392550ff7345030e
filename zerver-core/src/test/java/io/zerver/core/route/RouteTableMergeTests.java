package io.zerver.core.route;

import static io.zerver.core.route.RouteTableTests.NOOP;
import static io.zerver.core.route.RouteTableTests.found;
import static io.zerver.core.route.RouteTableTests.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.zerver.core.route.RouteMatch.Found;
import io.zerver.core.route.RouteMatch.MethodNotAllowed;
import io.zerver.core.route.RouteMatch.NotFound;
import io.zerver.core.route.RouteMatch.Options;
import io.zerver.core.step.Step;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables built apart, attached to their owners and served as one. */
class RouteTableMergeTests {

    private record Owner(String name) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void aMatchYieldsTheAttachmentOfTheTableItsRouteCameFrom() {
        Owner todos = new Owner("todos");
        Owner blog = new Owner("blog");
        RouteTable merged = RouteTable.merge(List.of(
                RouteTable.builder().get("/todos/:id", NOOP).build().attach(todos),
                RouteTable.builder().get("/posts", NOOP).build().attach(blog)));

        Found todo = found(merged.match("GET", "/todos/7"));
        assertThat(todo.route().attachment(Owner.class)).isSameAs(todos);
        assertThat(todo.params()).containsEntry("id", "7");
        assertThat(found(merged.match("HEAD", "/posts")).route().attachment(Owner.class)).isSameAs(blog);
        assertThat(found(merged.match("GET", "/posts")).route().attachment(String.class)).isNull();
    }

    @Test
    void aRouteOfAPlainTableHasNoAttachment() {
        RouteTable table = RouteTable.builder().get("/x", NOOP).build();

        assertThat(found(table.match("GET", "/x")).route().attachment(Object.class)).isNull();
    }

    @Test
    void attachingKeepsTheBuiltRoutesPipelines() {
        RouteTable table = RouteTable.builder().before(step("auth")).get("/x", NOOP).build();

        RouteTable attached = table.attach(new Owner("x"));

        assertThat(attached.routes()).hasSize(1);
        assertThat(attached.routes().get(0).pipeline()).isSameAs(table.routes().get(0).pipeline());
        assertThat(table.routes().get(0).attachment(Owner.class)).isNull();
    }

    @Test
    void eachTableKeepsItsOwnGlobalBeforeChain() {
        Step auth = step("auth");
        Step main = step("main");
        RouteTable merged = RouteTable.merge(List.of(
                RouteTable.builder().before(auth).get("/private", r -> r.steps(main)).build(),
                RouteTable.builder().get("/public", r -> r.steps(main)).build()));

        assertThat(found(merged.match("GET", "/private")).route().pipeline().steps()).containsExactly(auth, main);
        assertThat(found(merged.match("GET", "/public")).route().pipeline().steps()).containsExactly(main);
    }

    @Test
    void answersMethodNotAllowedAndOptionsOverEveryTablesRoutes() {
        RouteTable merged = RouteTable.merge(List.of(
                RouteTable.builder().get("/todos", NOOP).build(),
                RouteTable.builder().post("/todos", NOOP).build()));

        assertThat(merged.match("DELETE", "/todos")).isEqualTo(
                new MethodNotAllowed(Set.of("GET", "HEAD", "OPTIONS", "POST")));
        assertThat(merged.match("OPTIONS", "/todos")).isEqualTo(
                new Options(Set.of("GET", "HEAD", "OPTIONS", "POST")));
        assertThat(merged.match("GET", "/nothing")).isInstanceOf(NotFound.class);
    }

    @Test
    void precedenceRunsAcrossTablesInListOrder() {
        Owner first = new Owner("first");
        Owner second = new Owner("second");
        RouteTable merged = RouteTable.merge(List.of(
                RouteTable.builder().get("/a/:x/c", NOOP).build().attach(first),
                RouteTable.builder().get("/a/b/:y", NOOP).get("/a/b/c", NOOP).build().attach(second),
                RouteTable.builder().get("/:p/:q/:r", NOOP).build()));

        assertThat(found(merged.match("GET", "/a/b/c")).route().pattern()).isEqualTo("/a/b/c");
        assertThat(found(merged.match("GET", "/a/z/c")).route().attachment(Owner.class)).isSameAs(first);
        assertThat(found(merged.match("GET", "/a/b/z")).route().attachment(Owner.class)).isSameAs(second);
        assertThat(merged.routes()).extracting(Route::name)
                .containsExactly("GET /a/:x/c", "GET /a/b/:y", "GET /a/b/c", "GET /:p/:q/:r");
    }

    @Test
    void tiesBetweenTablesGoToTheEarlierTable() {
        Owner first = new Owner("first");
        RouteTable merged = RouteTable.merge(List.of(
                RouteTable.builder().get("/:a/x", NOOP).build().attach(first),
                RouteTable.builder().get("/x/:b", NOOP).build().attach(new Owner("second"))));

        assertThat(found(merged.match("GET", "/x/x")).route().attachment(Owner.class)).isSameAs(first);
    }

    @Test
    void rejectsARouteTwoTablesDeclareNamingBothOwners() {
        List<RouteTable> tables = List.of(
                RouteTable.builder().get("/swap", NOOP).build().attach(new Owner("swap")),
                RouteTable.builder().get("/taker", NOOP).get("/swap", NOOP).build().attach(new Owner("taker")));

        assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.merge(tables))
                .withMessageStartingWith("GET /swap is declared by both swap and taker");
    }

    @Test
    void rejectsRoutesOfTwoTablesDifferingOnlyInParamNames() {
        List<RouteTable> tables = List.of(
                RouteTable.builder().get("/todos/:id", NOOP).build(),
                RouteTable.builder().get("/todos/:key", NOOP).build());

        assertThatIllegalArgumentException().isThrownBy(() -> RouteTable.merge(tables))
                .withMessageStartingWith("GET /todos/:key is declared by both table #1 (as GET /todos/:id) and table #2");
    }

    @Test
    void allowsOnePatternWithDifferentMethodsInTwoTables() {
        RouteTable merged = RouteTable.merge(List.of(
                RouteTable.builder().get("/todos/:id", NOOP).build(),
                RouteTable.builder().delete("/todos/:id", NOOP).build()));

        assertThat(found(merged.match("DELETE", "/todos/1")).route().method()).isEqualTo("DELETE");
    }

    @Test
    void mergingNothingIsTheEmptyTable() {
        assertThat(RouteTable.merge(List.of())).isSameAs(RouteTable.empty());
        assertThat(RouteTable.merge(List.of(RouteTable.empty(), RouteTable.empty()))).isSameAs(RouteTable.empty());
    }
}
