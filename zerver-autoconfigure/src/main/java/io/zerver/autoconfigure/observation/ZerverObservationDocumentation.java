package io.zerver.autoconfigure.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;
import org.jspecify.annotations.Nullable;

/**
 * The observations Zerver makes of a request (docs/observability.md), their names and keys.
 *
 * <p>Low cardinality keys become metric tags as well as span attributes, so their values
 * come from closed or application-defined sets: route patterns, step names, effect kinds,
 * error kinds. Each is always present on its observation (with {@code none} when it does
 * not apply), so that every timer of one name carries the same tag keys. Raw paths, keys,
 * URLs, ids and numbers are high cardinality: span attributes only.
 *
 * <p>With a {@code MeterObservationHandler} registered (Spring Boot registers one when a
 * {@code MeterRegistry} is present) the observations are also the metrics: timers
 * {@code zerver.requests}, {@code zerver.steps}, {@code zerver.effects} (one sample per
 * attempt) and {@code zerver.jobs} (promoted jobs only), tagged with the low cardinality
 * keys below.
 */
public enum ZerverObservationDocumentation implements ObservationDocumentation {

    /**
     * The whole request, from arrival to answer: the root span, named
     * {@code METHOD /route-pattern} ({@code METHOD} alone when no route matched).
     */
    REQUEST(DefaultZerverRequestObservationConvention.class, null, RequestLowCardinalityKeyNames.values(),
            RequestHighCardinalityKeyNames.values(), Events.values()),

    /** One step, an internal span named {@code zerver.step.<name>}, child of the request (or of its job). */
    STEP(DefaultZerverStepObservationConvention.class, "zerver.step.%s", StepLowCardinalityKeyNames.values(),
            StepHighCardinalityKeyNames.values(), EMPTY_EVENT_NAMES),

    /**
     * One attempt of an effect (compensations included), a client span named
     * {@code zerver.effect.<kind>}, child of the request.
     */
    EFFECT(DefaultZerverEffectObservationConvention.class, "zerver.effect.%s", EffectLowCardinalityKeyNames.values(),
            EffectHighCardinalityKeyNames.values(), EMPTY_EVENT_NAMES),

    /**
     * A step job whose queue or park wait passed its promotion threshold: an internal span
     * from the moment it left the queue to its first need (or the answer), parent of the
     * steps it ran. Faster jobs are only {@link Events events} on the request.
     */
    JOB_STEP(DefaultZerverJobObservationConvention.class, "zerver.job.step", JobLowCardinalityKeyNames.values(),
            JobHighCardinalityKeyNames.values(), EMPTY_EVENT_NAMES),

    /** An effect job promoted like {@link #JOB_STEP}. The engine records no effect job waits yet. */
    JOB_EFFECT(DefaultZerverJobObservationConvention.class, "zerver.job.effect", JobLowCardinalityKeyNames.values(),
            JobHighCardinalityKeyNames.values(), EMPTY_EVENT_NAMES);

    private final Class<? extends ObservationConvention<? extends Observation.Context>> defaultConvention;
    private final @Nullable String contextualName;
    private final KeyName[] lowCardinalityKeyNames;
    private final KeyName[] highCardinalityKeyNames;
    private final Observation.Event[] events;

    ZerverObservationDocumentation(Class<? extends ObservationConvention<? extends Observation.Context>> convention,
            @Nullable String contextualName, KeyName[] low, KeyName[] high, Observation.Event[] events) {
        this.defaultConvention = convention;
        this.contextualName = contextualName;
        this.lowCardinalityKeyNames = low;
        this.highCardinalityKeyNames = high;
        this.events = events;
    }

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
        return defaultConvention;
    }

    @Override
    public @Nullable String getContextualName() {
        return contextualName;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
        return lowCardinalityKeyNames.clone();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
        return highCardinalityKeyNames.clone();
    }

    @Override
    public Observation.Event[] getEvents() {
        return events.clone();
    }

    /** Keys of {@link #REQUEST} that are metric tags as well. */
    public enum RequestLowCardinalityKeyNames implements KeyName {
        /** The request method, {@code _OTHER} when it is not a standard one. */
        HTTP_REQUEST_METHOD("http.request.method"),
        /** The matched route pattern ({@code /todos/:id}), {@code none} when nothing matched. Never the raw path. */
        HTTP_ROUTE("http.route"),
        /** The status answered. */
        HTTP_RESPONSE_STATUS_CODE("http.response.status_code"),
        /** The class of the status: SUCCESS, CLIENT_ERROR, SERVER_ERROR, REDIRECTION, INFORMATIONAL, UNKNOWN. */
        OUTCOME("outcome"),
        /** The error kind the request failed with ({@code NotFound}), or {@code none}. */
        ERROR_TYPE("error.type"),
        /** The domain of the error ({@code todo}, {@code route}, {@code db}), or {@code none}. */
        ERROR_WHAT("zerver.error.what");

        private final String key;

        RequestLowCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Keys of {@link #REQUEST} recorded on spans only. */
    public enum RequestHighCardinalityKeyNames implements KeyName {
        /** The raw request path. */
        URL_PATH("url.path"),
        /** The request id, as in {@code X-Request-Id}. */
        REQUEST_ID("zerver.request.id"),
        /** The key of the error (an id, a reason, a path), when the request failed. */
        ERROR_KEY("zerver.error.key");

        private final String key;

        RequestHighCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Keys of {@link #STEP} that are metric tags as well. */
    public enum StepLowCardinalityKeyNames implements KeyName {
        /** The step's name. */
        STEP_NAME("step.name"),
        /** Where the step sits: {@code global}, {@code route} or {@code main}. */
        STEP_LAYER("step.layer"),
        /** What the step decided: {@code continue}, {@code need}, {@code done}, {@code fail} or {@code error}. */
        STEP_OUTCOME("step.outcome"),
        /** The class of the exception the step threw, or {@code none}. */
        ERROR_TYPE("error.type");

        private final String key;

        StepLowCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Keys of {@link #STEP} recorded on spans only. */
    public enum StepHighCardinalityKeyNames implements KeyName {
        /** The step's position in the request's run, from 1. */
        STEP_SEQUENCE("step.sequence");

        private final String key;

        StepHighCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Keys of {@link #EFFECT} that are metric tags as well. */
    public enum EffectLowCardinalityKeyNames implements KeyName {
        /** The effect kind: {@code db.get}, {@code http.post}, {@code cache.set}, {@code compute}... */
        EFFECT_KIND("effect.kind"),
        /** What the effect talks to: {@code db}, {@code cache}, {@code file}, an HTTP host, a compute task. */
        EFFECT_TARGET("effect.target"),
        /** Whether the request needs the effect to succeed. */
        EFFECT_REQUIRED("effect.required"),
        /** How the need ran its effects: {@code parallel} or {@code sequential}; {@code none} for a compensation. */
        EFFECT_MODE("effect.mode"),
        /** When the need resumed: {@code all}, {@code all_required}, {@code any}, {@code first_success}; or {@code none}. */
        EFFECT_JOIN("effect.join"),
        /** How the attempt ended: {@code ok}, an error kind ({@code Timeout}), or {@code cancelled}. */
        EFFECT_OUTCOME("effect.outcome"),
        /** Whether the attempt succeeded. */
        EFFECT_SUCCESS("effect.success"),
        /** Whether the effect undoes another one of a failed request. */
        EFFECT_COMPENSATION("effect.compensation"),
        /** The outcome of a failed attempt, or {@code none}. */
        ERROR_TYPE("error.type");

        private final String key;

        EffectLowCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /**
     * Keys of {@link #EFFECT} recorded on spans only. The domain keys that repeat the kind
     * ({@code db.operation}, {@code http.request.method}) are here too, so that every
     * {@code zerver.effects} timer has the same tags whatever its kind.
     */
    public enum EffectHighCardinalityKeyNames implements KeyName {
        /** The attempt this observation is of, from 1. */
        EFFECT_ATTEMPTS("effect.attempts"),
        /** The slot the result goes to, when there is one. */
        EFFECT_SLOT("effect.slot"),
        /** The size of the result: UTF-8 bytes of text, bytes of a body, entries of a list. */
        EFFECT_BYTES("effect.bytes"),
        /** Whether the attempt ended after the request stopped waiting for it. */
        EFFECT_BACKGROUND("effect.background"),
        /** The effect's own timeout per attempt, in milliseconds (the request's deadline may cut an attempt shorter). */
        EFFECT_TIMEOUT_MS("effect.timeout_ms"),
        /** The number of the request's need that declared the effect, from 1; absent on compensations. */
        EFFECT_NEED("effect.need"),
        /** The DB operation ({@code get}, {@code put}, {@code delete}, {@code scan}) of a {@code db.*} effect. */
        DB_OPERATION("db.operation"),
        /** The method of an {@code http.*} effect. */
        HTTP_REQUEST_METHOD("http.request.method"),
        /** The URL of an HTTP effect, without user info. */
        URL_FULL("url.full"),
        /** The key of a cache effect. */
        CACHE_KEY("cache.key"),
        /** The path of a file effect, relative to the file effects' base directory. */
        FILE_PATH("file.path"),
        /** The handler's own key for a failure ({@code status_503}, {@code circuit_open}, a storage key). */
        ERROR_KEY("zerver.error.key");

        private final String key;

        EffectHighCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Keys of {@link #JOB_STEP} and {@link #JOB_EFFECT} that are metric tags as well. */
    public enum JobLowCardinalityKeyNames implements KeyName {
        /** What the job runs: {@code step} (or {@code effect}). */
        JOB("zerver.job"),
        /** What the job waited in: {@code queue} or {@code park}. */
        JOB_WAIT("zerver.job.wait");

        private final String key;

        JobLowCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** Keys of {@link #JOB_STEP} and {@link #JOB_EFFECT} recorded on spans only. */
    public enum JobHighCardinalityKeyNames implements KeyName {
        /** How long the job waited before it ran, in milliseconds. */
        JOB_WAIT_MS("zerver.job.wait_ms");

        private final String key;

        JobHighCardinalityKeyNames(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /**
     * Events on the {@link #REQUEST} observation, at the time they happened. Their
     * contextual names carry the details ({@code "step job waited 1.234 ms in the queue"}).
     */
    public enum Events implements Observation.Event {
        /** A job waited in the scheduler's queue before it ran. */
        QUEUE_WAIT("queue_wait"),
        /** A job over its CPU budget was parked before it resumed. */
        PARK_WAIT("park_wait"),
        /** A retry of an effect was not made: it would have passed the deadline, or it was a write without a key. */
        RETRY_SKIPPED("retry_skipped"),
        /** The request went over its CPU budget. */
        BUDGET_EXCEEDED("budget_exceeded");

        private final String eventName;

        Events(String eventName) {
            this.eventName = eventName;
        }

        @Override
        public String getName() {
            return eventName;
        }

        /** This event at {@code wallTime} (epoch milliseconds), described by {@code contextualName}. */
        Observation.Event at(long wallTime, String contextualName) {
            return Observation.Event.of(eventName, contextualName, wallTime);
        }
    }
}
