package io.zerver.bench.plain;

import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The three endpoints as a Spring developer writes them in a WebFlux application:
 *
 * <pre>
 * GET /echo?msg=...   200 text/plain, msg ("hello" without one)
 * GET /json           200 application/json {"message":"Hello, World!"}
 * GET /kv/{key}       200 text/plain, the value of key in table kv | 404
 * </pre>
 *
 * <p>The key/value read is a blocking {@link JdbcClient} call, so it runs on Reactor's
 * bounded-elastic scheduler, off the event loop.
 */
@RestController
public class PlainEndpoints {

    private static final String SELECT_VALUE = "SELECT value FROM kv WHERE key = :key";

    private final JdbcClient jdbc;

    PlainEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/echo", produces = MediaType.TEXT_PLAIN_VALUE)
    String echo(@RequestParam(defaultValue = "hello") String msg) {
        return msg;
    }

    @GetMapping("/json")
    Greeting json() {
        return new Greeting(Greeting.HELLO);
    }

    @GetMapping(path = "/kv/{key}", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<ResponseEntity<String>> kv(@PathVariable String key) {
        return value(jdbc, key).map(value -> value.map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    /** The value of {@code key} in table {@code kv}, read off the event loop; empty when there is none. */
    static Mono<Optional<String>> value(JdbcClient jdbc, String key) {
        return Mono.fromCallable(() -> jdbc.sql(SELECT_VALUE).param("key", key).query(String.class).optional())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
