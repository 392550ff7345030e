package io.zerver.autoconfigure.engine;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.engine.BulkheadLimits;
import io.zerver.core.engine.Engine;
import io.zerver.core.engine.RequestLimits;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.route.RouteTableSource;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.TimelineObserver;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * The engine: the route table built from every {@link ZerverRoutes} bean (validated at
 * start-up), or read from a {@link RouteTableSource} bean when routes change at run time; the
 * SLO scheduler, the error renderer and the {@link Engine} itself. Effect handlers come from an
 * {@link EffectHandlers} bean, observers from {@link TimelineObserver} beans. The {@code zerver.*}
 * properties are mapped onto the core's configuration here; then every
 * {@link ZerverEngineBuilderCustomizer} bean, in order, may change the engine's builder. Every bean
 * backs off when the application defines its own.
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
        return SloScheduler.create(schedulerConfig(scheduler, budget), listener.getIfUnique(SchedulerListener::none));
    }

    @Bean
    @ConditionalOnMissingBean
    Engine zerverEngine(RouteTable routes, ObjectProvider<RouteTableSource> source,
            ObjectProvider<EffectHandlers> handlers, ErrorRenderer errorRenderer,
            ObjectProvider<SloScheduler> stepScheduler, ObjectProvider<TimelineObserver> observers,
            ZerverEngineProperties engine, ZerverLimitsProperties limits, ZerverBulkheadProperties bulkheads,
            ZerverDebugProperties debug, ObjectProvider<ZerverEngineBuilderCustomizer> customizers) {
        RouteTableSource dynamic = source.getIfUnique();
        Engine.Builder builder = (dynamic != null ? Engine.builder().routes(dynamic) : Engine.builder().routes(routes))
                .handlers(handlers.getIfAvailable(EffectHandlers::empty))
                .errorRenderer(errorRenderer)
                .limits(requestLimits(limits))
                .bulkheads(bulkheadLimits(bulkheads));
        timeouts(engine, builder);
        stepScheduler.ifAvailable(builder::stepScheduler);
        observers.orderedStream().forEach(builder::observer);
        DebugRoutes debugRoutes = timelineHeader(debug, builder);
        if (debugRoutes != null) {
            // Routes from a source change at run time: only a static table can be checked now.
            List<String> unmatched = dynamic != null ? List.of() : debugRoutes.unmatched(routes.routes());
            if (!unmatched.isEmpty()) {
                LOG.warn("zerver.debug.routes names no route for " + unmatched + "; the routes are "
                        + routes.routes().stream().map(Route::name).toList());
            }
            LOG.info("The responses of " + debug.routes() + " carry their timeline in "
                    + Engine.TIMELINE_HEADER + " (zerver.debug.routes)");
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    // The mappings below are the only place a zerver.* property meets a core type: the engine's
    // beans use them, and so do the properties classes' checks at binding (CoreValueValidator),
    // so a range is stated only by the core type that takes the value.

    static void timeouts(ZerverEngineProperties properties, Engine.Builder builder) {
        PropertyMapper map = PropertyMapper.get();
        map.from(properties::defaultTimeout).to(builder::defaultTimeout);
        map.from(properties::compensationTimeout).to(builder::compensationTimeout);
    }

    static RequestLimits requestLimits(ZerverLimitsProperties properties) {
        PropertyMapper map = PropertyMapper.get();
        RequestLimits limits = RequestLimits.defaults();
        limits = map.from(properties::maxBodySize).as(DataSize::toBytes).to(limits, RequestLimits::withMaxBodyBytes);
        limits = map.from(properties::maxJsonDepth).to(limits, RequestLimits::withMaxJsonDepth);
        limits = map.from(properties::maxSlots).to(limits, RequestLimits::withMaxSlots);
        limits = map.from(properties::maxEffectsPerNeed).to(limits, RequestLimits::withMaxEffectsPerNeed);
        return map.from(properties::maxInFlightPerRequest).to(limits, RequestLimits::withMaxInFlightPerRequest);
    }

    static BulkheadLimits bulkheadLimits(ZerverBulkheadProperties properties) {
        return new BulkheadLimits(properties.perTarget(), properties.targets());
    }

    /** The scheduler's configuration; {@code max-concurrent} unset is one job per event loop. */
    static SchedulerConfig schedulerConfig(ZerverSchedulerProperties scheduler, ZerverBudgetProperties budget) {
        PropertyMapper map = PropertyMapper.get();
        SchedulerConfig config = SchedulerConfig.defaults().withMaxConcurrent(eventLoops());
        config = map.from(scheduler::maxConcurrent).to(config, SchedulerConfig::withMaxConcurrent);
        config = map.from(scheduler::maxQueued).to(config, SchedulerConfig::withMaxQueued);
        config = map.from(scheduler::agingBound).to(config, SchedulerConfig::withAgingBound);
        return config.withRequestCpuBudget(budget.requestCpu(), budget.overBudget());
    }

    /** Reactor Netty's default number of event loops, computed as it does. */
    static int eventLoops() {
        return Integer.getInteger("reactor.netty.ioWorkerCount", Math.max(Runtime.getRuntime().availableProcessors(), 4));
    }

    /**
     * The timeline header of the routes {@code zerver.debug.routes} names, on {@code builder};
     * null when it names none. The header's bound is checked even then (on a builder of its own,
     * so the engine keeps no header predicate), so that a bad value fails at start-up, not
     * when someone turns debug on.
     */
    static @Nullable DebugRoutes timelineHeader(ZerverDebugProperties debug, Engine.Builder builder) {
        DebugRoutes routes = DebugRoutes.parse(debug.routes());
        int maxLength = (int) Math.min(debug.maxHeaderSize().toBytes(), Integer.MAX_VALUE);
        if (routes != null) {
            builder.timelineHeader(routes, maxLength);
        } else {
            Engine.builder().timelineHeader(route -> false, maxLength);
        }
        return routes;
    }
}
