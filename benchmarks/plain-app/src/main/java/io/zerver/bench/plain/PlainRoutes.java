package io.zerver.bench.plain;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@link PlainEndpoints}' three endpoints as functional routes, under {@code /fn}: {@code GET
 * /fn/echo}, {@code /fn/json} and {@code /fn/kv/{key}}, answering the same. For reference: what
 * WebFlux's functional flavour costs next to the annotated one.
 */
@Configuration(proxyBeanMethods = false)
public class PlainRoutes {

    @Bean
    RouterFunction<ServerResponse> plainFunctionalRoutes(JdbcClient jdbc) {
        return route()
                .GET("/fn/echo", request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN)
                        .bodyValue(request.queryParam("msg").orElse("hello")))
                .GET("/fn/json", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new Greeting(Greeting.HELLO)))
                .GET("/fn/kv/{key}", request -> PlainEndpoints.value(jdbc, request.pathVariable("key"))
                        .flatMap(value -> value.isPresent()
                                ? ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(value.get())
                                : ServerResponse.notFound().build()))
                .build();
    }
}
