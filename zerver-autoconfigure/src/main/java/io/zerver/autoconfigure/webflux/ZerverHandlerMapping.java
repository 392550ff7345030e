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
 * other's paths. The match it makes is the one the engine runs: it is kept in the exchange's
 * {@link #MATCH_ATTRIBUTE} and handed to {@link io.zerver.core.engine.Engine#handle(io.zerver.core.http.Request,
 * RouteMatch)}, so a request is matched once.
 */
public final class ZerverHandlerMapping extends AbstractHandlerMapping {

    /** After annotated controllers (0) and router functions (-1); before resources. */
    public static final int ORDER = 10;

    /** The exchange attribute holding the {@link RouteMatch} this mapping made. */
    public static final String MATCH_ATTRIBUTE = ZerverHandlerMapping.class.getName() + ".match";

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
        if (match instanceof RouteMatch.NotFound) {
            return Mono.empty();
        }
        exchange.getAttributes().put(MATCH_ATTRIBUTE, match);
        return Mono.just(handler);
    }
}
