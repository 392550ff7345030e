package io.zerver.autoconfigure.engine;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.route.RouteTableSource;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.TimelineObserver;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The engine: the route table built from every {@link ZerverRoutes} bean (validated at
 * start-up), or read from a {@link RouteTableSource} bean when routes change at run time; the
 * SLO scheduler, the error renderer and the {@link Engine} itself. Effect handlers come from an
 * {@link EffectHandlers} bean, observers from {@link TimelineObserver} beans. Every bean backs
 * off when the application defines its own.
 */
@AutoConfiguration(afterName = "io.zerver.autoconfigure.effects.ZerverEffectsAutoConfiguration")
@EnableConfigurationProperties({ ZerverEngineProperties.class, ZerverLimitsProperties.class,
        ZerverSchedulerProperties.class, ZerverBudgetProperties.class, ZerverBulkheadProperties.class,
        ZerverDebugProperties.class })
public final class ZerverEngineAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(ZerverEngineAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    RouteTable zerverRouteTable(ObjectProvider<ZerverRoutes> routes) {
        RouteTable.Builder builder = RouteTable.builder();
        routes.orderedStream().forEach(r -> r.register(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorRenderer zerverErrorRenderer() {
        return ErrorRenderer.json();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "zerver.scheduler.enabled", matchIfMissing = true)
    SloScheduler zerverStepScheduler(ZerverSchedulerProperties scheduler, ZerverBudgetProperties budget,
            ObjectProvider<SchedulerListener> listener) {
        return SloScheduler.create(scheduler.toConfig(budget), listener.getIfUnique(SchedulerListener::none));
    }

    @Bean
    @ConditionalOnMissingBean
    Engine zerverEngine(RouteTable routes, ObjectProvider<RouteTableSource> source,
            ObjectProvider<EffectHandlers> handlers, ErrorRenderer errorRenderer,
            ObjectProvider<SloScheduler> stepScheduler, ObjectProvider<TimelineObserver> observers,
            ZerverEngineProperties engine, ZerverLimitsProperties limits, ZerverBulkheadProperties bulkheads,
            ZerverDebugProperties debug) {
        RouteTableSource dynamic = source.getIfUnique();
        Engine.Builder builder = (dynamic != null ? Engine.builder().routes(dynamic) : Engine.builder().routes(routes))
                .handlers(handlers.getIfAvailable(EffectHandlers::empty))
                .errorRenderer(errorRenderer)
                .limits(limits.toLimits())
                .bulkheads(bulkheads.toLimits())
                .defaultTimeout(engine.getDefaultTimeout())
                .compensationTimeout(engine.getCompensationTimeout());
        stepScheduler.ifAvailable(builder::stepScheduler);
        observers.orderedStream().forEach(builder::observer);
        DebugRoutes debugRoutes = DebugRoutes.parse(debug.getRoutes());
        if (debugRoutes != null) {
            long max = debug.getMaxHeaderSize().toBytes();
            builder.timelineHeader(debugRoutes, (int) Math.min(max, Integer.MAX_VALUE));
            // Routes from a source change at run time: only a static table can be checked now.
            List<String> unmatched = dynamic != null ? List.of() : debugRoutes.unmatched(routes.routes());
            if (!unmatched.isEmpty()) {
                LOG.warn("zerver.debug.routes names no route for " + unmatched + "; the routes are "
                        + routes.routes().stream().map(Route::name).toList());
            }
            LOG.info("The responses of " + debug.getRoutes() + " carry their timeline in "
                    + Engine.TIMELINE_HEADER + " (zerver.debug.routes)");
        }
        return builder.build();
    }
}
