package io.zerver.autoconfigure.webflux;

import io.zerver.core.engine.Engine;
import io.zerver.core.route.RouteMatch;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Maps the requests the engine's routes know to {@link ZerverWebHandler}; every other
 * request falls through to the application's own handlers. Ordered after the application's
 * controllers and router functions, before static resources, so neither side swallows the
 * other's paths.
 */
public final class ZerverHandlerMapping extends AbstractHandlerMapping {

    /** After annotated controllers (0) and router functions (-1); before resources. */
    public static final int ORDER = 10;

    private final Engine engine;
    private final ZerverWebHandler handler;

    ZerverHandlerMapping(Engine engine, ZerverWebHandler handler) {
        this.engine = engine;
        this.handler = handler;
        setOrder(ORDER);
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        RouteMatch match = engine.routes().match(exchange.getRequest().getMethod().name(),
                exchange.getRequest().getPath().value());
        return match instanceof RouteMatch.NotFound ? Mono.empty() : Mono.just(handler);
    }
}
