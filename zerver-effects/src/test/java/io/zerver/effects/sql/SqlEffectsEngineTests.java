package io.zerver.effects.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.jdbc.SqliteDataSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pipelines whose steps declare SQL effects on the application's tables, performed by {@link SqlEffects}. */
class SqlEffectsEngineTests {

    record Note(long id, String owner, String text) {
    }

    private static final Slot<List<Note>> NOTES = Slot.ofRaw("notes", List.class);
    private static final Slot<List<Object>> CREATED = Slot.ofRaw("created", List.class);

    private static final Step RENDER = Step.named("render").reads(NOTES).run(ctx -> Decision.done(Response.json(200,
            Json.write(ctx.require(NOTES).stream().map(Note::text).toList()))));
    private static final Step LIST = Step.named("list").writes(NOTES).continuesWith(RENDER)
            .run(ctx -> Decision.need(Effects.sql("SELECT id, owner, text FROM note WHERE owner = :owner ORDER BY id")
                    .param("owner", ctx.param("owner").orElseThrow()).list(Note.class).into(NOTES)).then(RENDER));

    private static final Step CREATED_ANSWER = Step.named("created").reads(CREATED)
            .run(ctx -> Decision.done(Response.json(201, "{\"statements\":" + ctx.require(CREATED).size() + "}")));
    private static final Step CREATE = Step.named("create").writes(CREATED).continuesWith(CREATED_ANSWER)
            .run(ctx -> {
                String owner = ctx.param("owner").orElseThrow();
                return Decision.need(Effects.sqlTransaction(
                        Effects.sql("INSERT INTO note (owner, text) VALUES (:owner, :text)")
                                .param("owner", owner).param("text", ctx.bodyText()).update(),
                        Effects.sql("UPDATE counter SET notes = notes + 1 WHERE owner = :owner")
                                .param("owner", owner).update()).into(CREATED)).then(CREATED_ANSWER);
            });

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private SqlEffects sql;
    private Engine engine;

    @BeforeEach
    void open() {
        dataSource = SqliteDataSources.create(dir.resolve("app.db"), 2);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL,"
                + " text TEXT NOT NULL UNIQUE)").update();
        jdbc.sql("CREATE TABLE counter (owner TEXT PRIMARY KEY, notes INTEGER NOT NULL)").update();
        jdbc.sql("INSERT INTO counter VALUES ('ann', 0)").update();
        sql = SqlEffects.create(dataSource, Map.of(), 2);
        engine = Engine.builder()
                .routes(RouteTable.builder()
                        .get("/notes/:owner", r -> r.steps(LIST))
                        .post("/notes/:owner", r -> r.steps(CREATE))
                        .build())
                .handlers(sql.handlers())
                .build();
    }

    @AfterEach
    void close() {
        sql.close();
        dataSource.close();
    }

    private Response send(Request request) {
        Response response = engine.handle(request).block(Duration.ofSeconds(10));
        assertThat(response).isNotNull();
        return response;
    }

    @Test
    void aStepsQueryAndTransactionRunOnTheApplicationsTables() {
        assertThat(send(Request.of("POST", "/notes/ann").withBody("milk")).status()).isEqualTo(201);
        assertThat(send(Request.of("POST", "/notes/ann").withBody("eggs")).status()).isEqualTo(201);

        Response listed = send(Request.of("GET", "/notes/ann"));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.bodyAsString()).isEqualTo("[\"milk\",\"eggs\"]");
        assertThat(JdbcClient.create(dataSource).sql("SELECT notes FROM counter WHERE owner = 'ann'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aBrokenConstraintAnswers409AndTheTransactionLeavesNothing() {
        send(Request.of("POST", "/notes/ann").withBody("milk"));

        Response repeat = send(Request.of("POST", "/notes/ann").withBody("milk"));

        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.bodyAsString()).contains("\"kind\":\"Conflict\"").contains("\"what\":\"sql\"");
        assertThat(JdbcClient.create(dataSource).sql("SELECT notes FROM counter WHERE owner = 'ann'")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
