package io.zerver.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.observation.ObservationTimelineObserver;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * Tracing of Zerver requests ({@code zerver.tracing.*}), checked at binding against
 * {@link ObservationTimelineObserver.Builder}. The one binding of the prefix: the supervisor and
 * the WebFlux handler read it too.
 *
 * @param enabled Whether to observe requests (spans and request, step and effect timers) when an
 *     ObservationRegistry is present.
 * @param promoteQueueWait Queue wait above which a job becomes a span of its own; shorter waits are only events
 *     on the request span. 0 or more.
 * @param promoteParkWait Park wait (a request over its CPU budget yielding) above which a job becomes a span of
 *     its own; shorter waits are only events on the request span. 0 or more.
 * @param observeChildren Whether the steps, effect attempts and promoted jobs of every request are observations,
 *     seen by every ObservationHandler. By default those of a request the tracer did not
 *     sample (and the request itself, when the server span it runs under was not sampled) are
 *     only timers, recorded on the MeterRegistry with the same names and tags, as are those of
 *     every request when the application has no tracer; those of a sampled request are spans
 *     made directly through the Tracer, with the same names and attributes, plus those timers.
 * @param unsampledLogCorrelation Whether the lines the application's steps log for a request the tracer did not sample
 *     carry its trace id, as those of sampled requests do (embedded mode and the supervisor:
 *     the tracer's context is made current around the engine for every request). False saves
 *     that context switch and its MDC writes on unsampled requests; the engine's own lines
 *     about a request carry its trace id either way when the observer has the tracer (the
 *     default unless observe-children is true).
 */
@ConfigurationProperties("zerver.tracing")
public record ZerverTracingProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("5ms") Duration promoteQueueWait, @DefaultValue("5ms") Duration promoteParkWait,
        @DefaultValue("false") boolean observeChildren, @Nullable Boolean observeUnsampled,
        @DefaultValue("true") boolean unsampledLogCorrelation) implements CoreChecked {

    /** The ranges are the builder's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverTracingProperties.class,
            p -> ZerverObservationAutoConfiguration.promoteWaits(p,
                    ObservationTimelineObserver.builder(ObservationRegistry.NOOP)));

    /** {@code observe-unsampled}, when set, is what {@code observe-children} is. */
    public ZerverTracingProperties {
        if (observeUnsampled != null) {
            observeChildren = observeUnsampled;
        }
    }

    @Override
    public Validator coreChecks() {
        return CORE;
    }

    /**
     * The former name of {@code observe-children}, from when it concerned unsampled requests
     * only; setting it sets {@code observe-children}.
     *
     * @deprecated use {@link #observeChildren()}
     */
    @Deprecated
    @DeprecatedConfigurationProperty(replacement = "zerver.tracing.observe-children",
            reason = "It covers the children of sampled requests too.")
    @Override
    public @Nullable Boolean observeUnsampled() {
        return observeUnsampled;
    }
}
