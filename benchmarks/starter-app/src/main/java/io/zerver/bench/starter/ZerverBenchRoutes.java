package io.zerver.bench.starter;

import io.zerver.bench.plain.Greeting;
import io.zerver.bench.plain.KvSeed;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.jdbc.JdbcKvConfig;
import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plain app's three endpoints as Zerver routes, answering the same:
 *
 * <pre>
 * GET /z/echo?msg=...   200 text/plain, msg ("hello" without one)
 * GET /z/json           200 application/json {"message":"Hello, World!"}
 * GET /z/kv/:key        200 text/plain, the value of key (a db.get effect) | 404
 * </pre>
 *
 * <p>The db effects read Zerver's key/value table ({@link JdbcKvConfig#DEFAULT_TABLE}), which
 * is filled at start-up with the rows the plain app's {@code kv} table holds.
 */
@Configuration(proxyBeanMethods = false)
class ZerverBenchRoutes {

    /** The value of {@code :key}, when the store has it. */
    static final Slot<String> VALUE = Slot.of("value", String.class);

    static final Step ECHO = Step.of("echo",
            ctx -> Decision.done(Response.text(200, ctx.query("msg").orElse("hello"))));

    static final Step GREET = Step.of("greet",
            ctx -> Decision.done(Response.json(200, Json.write(Map.of("message", Greeting.HELLO)))));

    static final Step GET_VALUE = Step.named("get_value").writes(VALUE)
            .run(ctx -> Decision.need(Effects.dbGet(ctx.param("key").orElseThrow()).into(VALUE).optional()));

    static final Step ANSWER_VALUE = Step.named("answer_value").reads(VALUE)
            .run(ctx -> Decision.done(ctx.optional(VALUE).map(value -> Response.text(200, value))
                    .orElseGet(() -> Response.status(404))));

    @Bean
    ZerverRoutes benchRoutes() {
        return routes -> routes
                .get("/z/echo", r -> r.steps(ECHO))
                .get("/z/json", r -> r.steps(GREET))
                .get("/z/kv/:key", r -> r.steps(GET_VALUE, ANSWER_VALUE));
    }

    /** Zerver's key/value table with the plain app's {@value KvSeed#ROWS} rows. */
    @Bean
    ApplicationRunner zerverKvRows(JdbcClient jdbc, TransactionTemplate transactions) {
        return args -> KvSeed.seed(jdbc, transactions, JdbcKvConfig.DEFAULT_TABLE);
    }
}
