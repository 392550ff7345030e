package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.body.BodyCodec;
import io.zerver.core.body.BodyValidator;
import io.zerver.core.config.InvalidValueException;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Request;
import io.zerver.core.http.RequestIds;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.Priority;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;

/**
 * The runtime: routes a request (or takes the match its host made), runs its pipeline,
 * performs the effects its steps declare, and answers. Non-blocking end to end: {@code Mono} in, {@code Mono} out.
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *         .routes(routeTable)
 *         .handlers(handlers)
 *         .build();
 * Mono<Response> response = engine.handle(request);
 * }</pre>
 *
 * <p>Every response carries {@code X-Request-Id}: the client's when well formed, else a
 * generated one. A client may tighten (never loosen) the route's deadline with
 * {@code X-Request-Timeout: <milliseconds>}; a host with a deadline of its own passes what is
 * left of it as {@link Request#timeout()}, which tightens the route's the same way and takes
 * the header's place (the host has applied the header already).
 */
public final class Engine {

    /** The request and response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = RequestIds.HEADER;
    /** The request header a client tightens its deadline with, in milliseconds. */
    public static final String REQUEST_TIMEOUT_HEADER = "X-Request-Timeout";
    /** The request header a client lowers its priority with, where the route allows. */
    public static final String PRIORITY_HEADER = "X-Zerver-Priority";
    /** The response header carrying the request's timeline, on the routes debug is on for. */
    public static final String TIMELINE_HEADER = "X-Zerver-Timeline";

    private final Supplier<RouteTable> routes;
    private final EngineSettings settings;
    private final PipelineExecutor executor;
    private final @Nullable Predicate<? super Route> timelineRoutes;
    private final int timelineMaxLength;

    private Engine(Supplier<RouteTable> routes, EngineSettings settings, @Nullable Predicate<? super Route> timelineRoutes,
            int timelineMaxLength) {
        this.routes = routes;
        this.settings = settings;
        this.executor = new PipelineExecutor(settings, new EffectRunner(settings));
        this.timelineRoutes = timelineRoutes;
        this.timelineMaxLength = timelineMaxLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Routes and runs {@code request}. The returned {@code Mono} never fails. */
    public Mono<Response> handle(Request request) {
        requireNonNull(request, "request");
        return Mono.defer(() -> route(request, null));
    }

    /**
     * Runs {@code request} on {@code match}, what its host matched it to (on {@link #routes()}
     * or a table of its own, with {@link RouteTable#match}) and inspected first: the engine
     * does not match it again. A {@link RouteMatch.Found} runs its route with its parameters;
     * the other outcomes are answered as {@link #handle(Request)} answers them (404, 405,
     * {@code OPTIONS}, 400). The returned {@code Mono} never fails.
     *
     * <pre>{@code
     * RouteMatch match = table.match(request.method(), request.path());
     * Owner owner = match instanceof RouteMatch.Found found ? found.route().attachment(Owner.class) : null;
     * return engine.handle(request, match);
     * }</pre>
     */
    public Mono<Response> handle(Request request, RouteMatch match) {
        requireNonNull(request, "request");
        requireNonNull(match, "match");
        return Mono.defer(() -> route(request, match));
    }

    /**
     * Runs {@code request} on {@code match} as {@link #handle(Request, RouteMatch)} does, but at
     * once, on the calling thread, up to its answer or its first wait for effects. When the
     * pipeline answered without waiting, the returned {@code Mono} is a {@code Mono.just} of the
     * response (a {@link reactor.core.Fuseable.ScalarCallable}: a host may take the response
     * without subscribing); else it answers when the effects have. For a host already running on
     * the request's behalf (inside a subscription, in the scope it wants the request started in),
     * which would otherwise subscribe to a deferred {@code Mono} right away. Never fails.
     */
    public Mono<Response> handleNow(Request request, RouteMatch match) {
        requireNonNull(request, "request");
        requireNonNull(match, "match");
        try {
            return route(request, match);
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
    }

    /**
     * Answers 413 to {@code request}, whose body its host found over {@link #limits()} and did not
     * read in full (so {@code request} carries none): the answer, request id, timeline and observer
     * calls {@link #handle(Request)} gives a body over the limit. The returned {@code Mono} never fails.
     */
    public Mono<Response> rejectBodyTooLarge(Request request) {
        requireNonNull(request, "request");
        return Mono.fromSupplier(() -> bodyTooLarge(start(request, settings.now())));
    }

    private Mono<Response> route(Request request, @Nullable RouteMatch matched) {
        long start = settings.now();
        Timeline timeline = start(request, start);
        String requestId = timeline.requestId();
        if (request.body().length > settings.limits().maxBodyBytes()) {
            return Mono.just(bodyTooLarge(timeline));
        }
        RouteMatch match = matched != null ? matched : routes.get().match(request.method(), request.path());
        if (match instanceof RouteMatch.Found found) {
            Route route = found.route();
            timeline.route(route.pattern());
            long deadline = start + deadlineNanos(request, route.timeout());
            Exchange exchange = new Exchange(settings, request, requestId, route.pattern(), found.params(), start,
                    deadline, timeline, priority(request, route));
            boolean timelineHeader = timelineRoutes != null && timelineRoutes.test(route);
            Mono<Response> answered = run(exchange, route.pipeline());
            Response now = PipelineExecutor.now(answered);
            if (now != null) {
                // Answered without waiting: no operators to assemble or subscribe.
                return Mono.just(answer(now, timeline, timelineHeader, found.headFromGet()));
            }
            return answered.map(response -> answer(response, timeline, timelineHeader, found.headFromGet()));
        }
        Response response;
        if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            response = error(timeline, ErrorKind.METHOD_NOT_ALLOWED, "route", request.method())
                    .withOnlyHeader("Allow", String.join(", ", notAllowed.allowed()));
        } else if (match instanceof RouteMatch.Options options) {
            response = Response.noContent().withOnlyHeader("Allow", String.join(", ", options.allowed()));
        } else if (match instanceof RouteMatch.BadPath bad) {
            response = error(timeline, ErrorKind.INVALID_INPUT, "path", bad.reason());
        } else {
            response = error(timeline, ErrorKind.NOT_FOUND, "route", request.path());
        }
        return Mono.just(finish(timeline, null, response));
    }

    /**
     * A new exchange for running {@code pipeline} directly, without routing: for tests and
     * adapters that route themselves. The deadline is the engine's default timeout.
     */
    public Exchange exchange(Request request, String route, Map<String, String> params) {
        requireNonNull(request, "request");
        long start = settings.now();
        String requestId = requestId(request);
        Timeline timeline = new Timeline(requestId, request.method(), request.path(), start,
                settings.clock().millis(), settings.observer());
        timeline.route(route);
        settings.observer().onStart(timeline);
        return new Exchange(settings, request, requestId, route, Map.copyOf(params), start,
                start + deadlineNanos(request, null), timeline, Priority.INTERACTIVE);
    }

    /** Runs {@code pipeline} on {@code exchange}. The returned {@code Mono} never fails. */
    public Mono<Response> execute(Exchange exchange, Pipeline pipeline) {
        requireNonNull(exchange, "exchange");
        requireNonNull(pipeline, "pipeline");
        return Mono.defer(() -> run(exchange, pipeline));
    }

    /**
     * What a routed request answers, once finished: with its timeline in {@link #TIMELINE_HEADER}
     * when asked (the timeline holds the {@code Finished} event by now), without a body for a
     * {@code HEAD} served by a {@code GET} route.
     */
    private Response answer(Response finished, Timeline timeline, boolean timelineHeader, boolean headFromGet) {
        Response response = timelineHeader
                ? finished.withOnlyHeader(TIMELINE_HEADER, timeline.toJson(timelineMaxLength))
                : finished;
        return headFromGet ? response.withoutBody() : response;
    }

    /**
     * Runs {@code pipeline} on {@code exchange} now, on this thread, up to its answer or its first
     * wait: a {@code Mono.just} of the finished response when it answered without waiting.
     */
    private Mono<Response> run(Exchange exchange, Pipeline pipeline) {
        Mono<Response> running = executor.start(exchange, pipeline);
        Response now = PipelineExecutor.now(running);
        if (now != null) {
            return Mono.just(finish(exchange.timeline(), exchange, now));
        }
        return running
                .map(response -> finish(exchange.timeline(), exchange, response))
                .doFinally(signal -> {
                    // After the cancel reached the executor, so its clean-up is recorded first.
                    if (signal == SignalType.CANCEL && exchange.lifetime().markFinished()) {
                        exchange.timeline().add(new TimelineEvent.Finished(relative(exchange.timeline()), 499));
                        settings.observer().onFinish(exchange.timeline());
                        exchange.lifetime().runExitCallbacks();
                    }
                });
    }

    /** The timeline of {@code request}, started at {@code start} and announced to the observers. */
    private Timeline start(Request request, long start) {
        Timeline timeline = new Timeline(requestId(request), request.method(), request.path(), start,
                settings.clock().millis(), settings.observer());
        settings.observer().onStart(timeline);
        return timeline;
    }

    private Response bodyTooLarge(Timeline timeline) {
        return finish(timeline, null, error(timeline, ErrorKind.PAYLOAD_TOO_LARGE, "body", "too_large"));
    }

    private Response finish(Timeline timeline, @Nullable Exchange exchange, Response response) {
        Response answered = response.withOnlyHeader(REQUEST_ID_HEADER, timeline.requestId());
        if (exchange == null || exchange.lifetime().markFinished()) {
            timeline.add(new TimelineEvent.Finished(relative(timeline), answered.status()));
            settings.observer().onFinish(timeline);
            if (exchange != null) {
                exchange.lifetime().runExitCallbacks();
            }
        }
        return answered;
    }

    private Response error(Timeline timeline, ErrorKind kind, String what, String key) {
        ZerverError error = ZerverError.of(kind, what, key);
        timeline.add(new TimelineEvent.Failed(relative(timeline), error));
        return PipelineExecutor.render(settings, error, timeline.requestId());
    }

    private String requestId(Request request) {
        String offered = request.headers().first(REQUEST_ID_HEADER).orElse(null);
        return RequestIds.isWellFormed(offered) ? offered : RequestIds.generate(settings.random().get());
    }

    /** The route's class, lowered to batch when the route lets the client ask for it. */
    private static Priority priority(Request request, Route route) {
        if (route.priorityHeaderAllowed() && route.priority() == Priority.INTERACTIVE) {
            String asked = request.headers().first(PRIORITY_HEADER).orElse(null);
            if (asked != null && Priority.parse(asked).orElse(null) == Priority.BATCH) {
                return Priority.BATCH;
            }
        }
        return route.priority();
    }

    /**
     * The request's time: its route's timeout (else the default), cut to the host's
     * {@link Request#timeout()} when it has one, else to the client's {@code X-Request-Timeout}.
     * Either only tightens; the header is ignored under a host's timeout, which accounts for it.
     */
    private long deadlineNanos(Request request, @Nullable Duration routeTimeout) {
        long nanos = EffectRunner.saturatedNanos(routeTimeout != null ? routeTimeout : settings.defaultTimeout());
        Duration hostTimeout = request.timeout();
        if (hostTimeout != null) {
            return Math.min(nanos, EffectRunner.saturatedNanos(hostTimeout));
        }
        String header = request.headers().first(REQUEST_TIMEOUT_HEADER).orElse(null);
        if (header != null) {
            try {
                long millis = Long.parseLong(header.trim());
                if (millis > 0 && millis < nanos / 1_000_000) {
                    nanos = millis * 1_000_000;
                }
            } catch (NumberFormatException ignored) {
                // A malformed hint is ignored, never trusted.
            }
        }
        return nanos;
    }

    private long relative(Timeline timeline) {
        return settings.now() - timeline.startNanos();
    }

    /** The routes this engine serves now. */
    public RouteTable routes() {
        return routes.get();
    }

    public RequestLimits limits() {
        return settings.limits();
    }

    /** Effects in flight now per capped target, for metrics and health. */
    public Map<String, Integer> inFlightByTarget() {
        return settings.bulkheads().snapshot();
    }

    /** The step scheduler, if one was configured. */
    public java.util.Optional<SloScheduler> stepScheduler() {
        return java.util.Optional.ofNullable(settings.slo());
    }

    /** Configures an {@link Engine}. Only the routes are required. */
    public static final class Builder {

        private static final int DEFAULT_TIMELINE_MAX_LENGTH = 8192;

        private Supplier<RouteTable> routes = RouteTable::empty;
        private EffectHandlers handlers = EffectHandlers.empty();
        private ErrorRenderer errorRenderer = ErrorRenderer.json();
        private RequestLimits limits = RequestLimits.defaults();
        private Duration defaultTimeout = Duration.ofSeconds(10);
        private Duration compensationTimeout = Duration.ofSeconds(10);
        private final List<TimelineObserver> observers = new ArrayList<>();
        private @Nullable LongSupplier ticker;
        private @Nullable Scheduler timer;
        private @Nullable RouteTable staticRoutes;
        private @Nullable BodyCodec bodyCodec;
        private @Nullable BodyValidator bodyValidator;
        private Clock clock = Clock.systemUTC();
        private Supplier<RandomGenerator> random = ThreadLocalRandom::current;
        private @Nullable SloScheduler slo;
        private BulkheadLimits bulkheads = BulkheadLimits.unlimited();
        private @Nullable Predicate<? super Route> timelineRoutes;
        private int timelineMaxLength = DEFAULT_TIMELINE_MAX_LENGTH;

        private Builder() {
        }

        public Builder routes(RouteTable table) {
            requireNonNull(table, "table");
            this.routes = () -> table;
            this.staticRoutes = table;
            return this;
        }

        /** Routes read per request, so that a new table can be swapped in at any time. */
        public Builder routes(Supplier<RouteTable> supplier) {
            this.routes = requireNonNull(supplier, "supplier");
            this.staticRoutes = null;
            return this;
        }

        public Builder handlers(EffectHandlers handlers) {
            this.handlers = requireNonNull(handlers, "handlers");
            return this;
        }

        public Builder errorRenderer(ErrorRenderer renderer) {
            this.errorRenderer = requireNonNull(renderer, "renderer");
            return this;
        }

        public Builder limits(RequestLimits limits) {
            this.limits = requireNonNull(limits, "limits");
            return this;
        }

        /** The deadline of a request whose route sets none. Default 10 s. */
        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = positive("defaultTimeout", timeout);
            return this;
        }

        /** The time all compensations of one failed request may take together. Default 10 s. */
        public Builder compensationTimeout(Duration timeout) {
            this.compensationTimeout = positive("compensationTimeout", timeout);
            return this;
        }

        public Builder observer(TimelineObserver observer) {
            observers.add(requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * The scheduler timeouts and retry delays run on, and whose clock measures elapsed
         * time and deadlines. Default: a coarse 1 ms wheel timer, whose arming wakes no
         * thread, with {@code System.nanoTime()}. Give a virtual-time scheduler to test time
         * without waiting.
         */
        public Builder scheduler(Scheduler scheduler) {
            requireNonNull(scheduler, "scheduler");
            this.timer = scheduler;
            this.ticker = () -> scheduler.now(java.util.concurrent.TimeUnit.NANOSECONDS);
            return this;
        }

        /** The wall clock steps read through {@code StepContext.now()}. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /** The randomness steps and retry jitter draw from. */
        public Builder random(Supplier<RandomGenerator> random) {
            this.random = requireNonNull(random, "random");
            return this;
        }

        /**
         * Orders the step jobs of all requests by priority, deadline and age, sheds what
         * does not fit, and enforces CPU budgets. Without one, steps run at once on the
         * thread that has the request.
         */
        public Builder stepScheduler(SloScheduler scheduler) {
            this.slo = requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Caps on effects in flight per target. Unlimited by default. */
        public Builder bulkheads(BulkheadLimits limits) {
            this.bulkheads = requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Debug: the responses of the routes {@code routes} accepts carry their request's
         * timeline in {@value Engine#TIMELINE_HEADER}, as compact printable-ASCII JSON of at most
         * {@code maxLength} characters (events that do not fit are left out and counted in
         * {@code "truncated"}). Off by default. A timeline shows storage keys, URLs and
         * exception classes: turn it on only where the client may see them.
         *
         * @param maxLength at least 18; 8192 is the default
         */
        /**
         * The application's JSON mapper, for {@code StepContext.body(Class)} and
         * {@code Response.json(Object)}; the Spring Boot starter gives its Jackson mapper. None by
         * default: bodies are then read with {@code StepContext.json()} and written as text.
         */
        public Builder bodyCodec(BodyCodec codec) {
            this.bodyCodec = requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Checks the bodies {@code StepContext.body(Class)} reads (Bean Validation with the starter,
         * when the application has a validator). None by default.
         */
        public Builder bodyValidator(BodyValidator validator) {
            this.bodyValidator = requireNonNull(validator, "validator");
            return this;
        }

        public Builder timelineHeader(Predicate<? super Route> routes, int maxLength) {
            requireNonNull(routes, "routes");
            if (maxLength < 18) {
                throw new InvalidValueException("maxLength", maxLength, ">= 18");
            }
            this.timelineRoutes = routes;
            this.timelineMaxLength = maxLength;
            return this;
        }

        /**
         * The engine. With a route table (not a supplier), every effect type of the application's own
         * its steps declare must have a handler: else {@link IllegalStateException} naming the route,
         * the step and the type.
         */
        public Engine build() {
            if (staticRoutes != null) {
                EffectDeclarations.check(staticRoutes, handlers);
            }
            Scheduler scheduler = timer != null ? timer : CoarseTimer.INSTANCE;
            LongSupplier nanos = ticker != null ? ticker : System::nanoTime;
            return new Engine(routes, new EngineSettings(handlers, errorRenderer, limits, defaultTimeout,
                    compensationTimeout, TimelineObserver.composite(observers), nanos, scheduler, clock, random, slo,
                    new Bulkheads(bulkheads), new Bodies(bodyCodec, bodyValidator)), timelineRoutes, timelineMaxLength);
        }

        private static Duration positive(String name, Duration d) {
            requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new InvalidValueException(name, d, "> 0");
            }
            return d;
        }
    }
}
