package io.zerver.autoconfigure.webflux;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Embedded mode: Zerver's routes served by the application's own WebFlux server.
 *
 * @param enabled Whether Zerver's routes are served by the application's own WebFlux server.
 * @param handlerMappingOrder The order of Zerver's handler mapping among the application's: by
 *        default 10, after annotated controllers (0) and router functions (-1), so that they win a
 *        path both declare, and before static resources. A lower value (-2) puts Zerver first.
 */
@ConfigurationProperties("zerver.webflux")
public record ZerverWebFluxProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("" + ZerverHandlerMapping.ORDER) int handlerMappingOrder) {
}
