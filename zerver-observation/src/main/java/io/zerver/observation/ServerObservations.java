package io.zerver.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;
import io.zerver.core.error.ZerverError;
import io.zerver.observation.tracing.TracerVerdict;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The HTTP server's own observation of a request (WebFlux's {@code http.server.requests}, in
 * embedded mode) as the root of the Zerver request that serves it.
 *
 * <p>A request started in a scope {@link #openScope opened here} does not get an observation
 * of its own under the server's: when the tracer recorded the server's span, that span
 * <em>is</em> the request's root. An {@link ObservationTimelineObserver} given a meter registry
 * ({@link ObservationTimelineObserver.Builder#meterRegistry}, as the auto-configuration does)
 * adds the request's keys to it as span attributes, hangs the steps, effect attempts and
 * promoted jobs under it and records {@code zerver.requests} on the {@code MeterRegistry}
 * directly: one span fewer per sampled request, the same trace and timers. The
 * {@link #nameFilter() name filter}, registered on the observation registry (the
 * auto-configuration declares it as a bean), names it {@code METHOD /route-pattern}. The
 * server's own timer keeps its name and tags.
 */
public final class ServerObservations {

    private ServerObservations() {
    }

    /**
     * Opens the scope the engine starts the request that {@code server} observes in, and
     * offers {@code server} as the request's root.
     *
     * <p>A recorded {@code server} opens its full scope, and log lines written while the first
     * steps run carry its trace and span ids. When the tracer declined {@code server} (not
     * sampled, or a no-op tracer), the request is only timed and so are its children; its
     * scope is still the full one when {@code unsampledLogCorrelation} is true, so that log
     * lines carry the trace id too. When false, the scope only makes {@code server} the
     * registry's current observation: the observation handlers are not told, so the tracer's
     * thread-local context and the logging MDC are left alone (cheaper; log lines then carry
     * no trace id).
     */
    public static Observation.Scope openScope(ObservationRegistry registry, Observation server,
            boolean unsampledLogCorrelation) {
        requireNonNull(registry, "registry");
        requireNonNull(server, "server");
        if (TracerVerdict.declined(server)) {
            return unsampledLogCorrelation ? server.openScope() : new BareScope(registry, server);
        }
        server.getContext().put(Root.class, Root.OFFERED);
        return server.openScope();
    }

    /**
     * Subscribes to what {@code work} returns in the scope {@linkplain #openScope opened} for
     * {@code server}: the engine's request started there takes {@code server} as its root. The
     * scope is closed once the subscription returns, on the subscribing thread; cancelling the
     * result cancels the work.
     */
    public static <T> Mono<T> within(ObservationRegistry registry, Observation server, boolean unsampledLogCorrelation,
            Supplier<Mono<T>> work) {
        requireNonNull(work, "work");
        return Mono.create(sink -> {
            Disposable running;
            try (Observation.Scope scope = openScope(registry, server, unsampledLogCorrelation)) {
                running = work.get().subscribe(sink::success, sink::error, sink::success);
            }
            sink.onCancel(running);
        });
    }

    /**
     * Finishes a request whose span is {@code server}'s ({@link RequestObservations}): names that span and gives it the
     * request's keys (span attributes only: the server's timer keeps its own tags), marks it
     * failed on a 5xx error, and records {@code zerver.requests}.
     */
    static void finish(ObservationSettings settings, Observation server, ZerverRequestContext context,
            boolean failed, long at) {
        ZerverRequestObservationConvention custom = settings.request();
        ZerverRequestObservationConvention convention = custom != null ? custom
                : DefaultZerverRequestObservationConvention.INSTANCE;
        String name = convention.getContextualName(context);
        if (name != null) {
            name(server.getContext(), name);
        }
        server.highCardinalityKeyValues(convention.getLowCardinalityKeyValues(context))
                .highCardinalityKeyValues(convention.getHighCardinalityKeyValues(context));
        ZerverError error = context.error();
        if (failed && error != null) {
            TracerVerdict.failSpan(server, new TimelineFailure(error.toString()));
        }
        UnsampledTimers direct = settings.unsampledTimers();
        if (direct != null) {
            direct.record(convention, context, failed, at);
        }
    }

    /** Whether {@code observation} was offered as the root of the request that starts in its scope. */
    static boolean offered(Observation observation) {
        return observation.getContext().containsKey(Root.class);
    }

    /**
     * Names the server's span as the request it became the root of (see
     * {@link RequestObservations}): the server's convention names it when it stops, then the
     * registry's filters run.
     */
    static void name(Observation.Context server, String contextualName) {
        server.put(Root.class, new Root(contextualName));
    }

    /** The contextual name the root of a request should have once stopped, or null. */
    static @Nullable String nameOf(Observation.Context context) {
        Root root = context.get(Root.class);
        return root == null ? null : root.contextualName();
    }

    /**
     * The filter that names the server spans that became roots: registered on the
     * observation registry, it runs on every observation as it stops, after its convention.
     */
    public static ObservationFilter nameFilter() {
        return NameFilter.INSTANCE;
    }

    private enum NameFilter implements ObservationFilter {
        INSTANCE;

        @Override
        public Observation.Context map(Observation.Context context) {
            String name = nameOf(context);
            if (name != null) {
                context.setContextualName(name);
            }
            return context;
        }
    }

    /** The key of a server observation's context offered as a root, and the name it takes. */
    private record Root(@Nullable String contextualName) {

        static final Root OFFERED = new Root(null);
    }

    /** Makes an observation current for the registry alone: no handler is told. */
    private static final class BareScope implements Observation.Scope {

        private final ObservationRegistry registry;
        private final Observation current;
        private final Observation.@Nullable Scope previous;

        BareScope(ObservationRegistry registry, Observation current) {
            this.registry = registry;
            this.current = current;
            this.previous = registry.getCurrentObservationScope();
            registry.setCurrentObservationScope(this);
        }

        @Override
        public Observation getCurrentObservation() {
            return current;
        }

        @Override
        public Observation.@Nullable Scope getPreviousObservationScope() {
            return previous;
        }

        @Override
        public void close() {
            registry.setCurrentObservationScope(previous);
        }

        @Override
        public void reset() {
            registry.setCurrentObservationScope(null);
        }

        @Override
        public void makeCurrent() {
            registry.setCurrentObservationScope(this);
        }
    }
}
