package io.zerver.bench.echo;

import static java.util.Objects.requireNonNull;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The same key/value read twice, on the rows of Zerver's key/value table: {@code GET
 * /zerver/kv/:key}, a route whose one step needs {@code Effects.dbGet(key)}, and {@code GET
 * /plain/kv/{key}}, the hand-written WebFlux handler (a {@link JdbcClient} call on Reactor's
 * bounded-elastic scheduler). Both answer 200 with the value as text, or 404. At start-up
 * {@value #ROWS} rows are written through the db effects: keys {@code k0} to {@code k999},
 * values of 40 characters.
 */
@Configuration(proxyBeanMethods = false)
class KvRoutes {

    static final String ZERVER_PATH = "/zerver/kv/";
    static final String PLAIN_PATH = "/plain/kv/";
    static final int ROWS = 1000;

    private static final String SELECT_VALUE = "SELECT value FROM zerver_kv WHERE key = ?";
    private static final Slot<String> VALUE = Slot.of("value", String.class);

    @Bean
    ZerverRoutes zerverKv() {
        Step render = Step.named("render").reads(VALUE)
                .run(ctx -> Decision.done(Response.text(200, ctx.require(VALUE))));
        Step load = Step.named("load").writes(VALUE).continuesWith(render)
                .run(ctx -> Decision.need(Effects.dbGet(ctx.param("key").orElseThrow()).into(VALUE)).then(render));
        return routes -> routes.get(ZERVER_PATH + ":key", r -> r.steps(load));
    }

    @Bean
    RouterFunction<ServerResponse> plainKv(JdbcClient jdbc) {
        return route(GET(PLAIN_PATH + "{key}"), request -> Mono.fromCallable(() -> jdbc.sql(SELECT_VALUE)
                        .param(request.pathVariable("key")).query(String.class).optional())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(value -> value.isPresent()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(value.get())
                        : ServerResponse.notFound().build()));
    }

    @Bean
    ApplicationRunner kvSeed(EffectHandlers handlers) {
        return args -> {
            EffectContext context = new EffectContext("seed", 1, Duration.ofSeconds(10));
            for (int i = 0; i < ROWS; i++) {
                Effect put = Effects.dbPut(key(i), value(i));
                EffectHandler<Effect> handler = requireNonNull(handlers.find(put), "no db.put handler");
                handler.perform(put, context).block(Duration.ofSeconds(10));
            }
        };
    }

    static String key(int i) {
        return "k" + i;
    }

    static String value(int i) {
        return String.format(Locale.ROOT, "value-%04d-abcdefghijklmnopqrstuvwxyz012", i);
    }
}
