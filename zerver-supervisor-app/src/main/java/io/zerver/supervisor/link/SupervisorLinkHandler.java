package io.zerver.supervisor.link;

import io.micrometer.observation.ObservationRegistry;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteMatch;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Header;
import io.zerver.ipc.server.LinkHandler;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import io.zerver.supervisor.feature.Routing;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Answers the requests the ingest forwards: turns each frame into an engine request whose
 * deadline is what is left of the ingest's, matches it once on the served routing (the route
 * found carries the feature version that owns it), runs that match on the engine inside that
 * version (counted in its in-flight, so a draining version knows when it is done), and turns the
 * response back into a frame. 404, 405 and OPTIONS come from the engine over every active route. Never fails: anything unexpected becomes an {@link ErrorFrame}.
 */
public final class SupervisorLinkHandler implements LinkHandler {

    private static final Log log = LogFactory.getLog(SupervisorLinkHandler.class);
    private static final int ENTRY_ATTEMPTS = 3;

    private final Engine engine;
    private final FeatureRegistry features;
    private final ErrorRenderer errors;
    private final Clock clock;
    private final LinkRequestObservation observation;

    /**
     * A handler whose requests {@code observations} observes (a span continuing the client's
     * trace, see {@link LinkRequestObservation}); with {@code unsampledLogCorrelation} the
     * lines logged for unsampled requests carry their trace id too.
     */
    public SupervisorLinkHandler(Engine engine, FeatureRegistry features, ErrorRenderer errors, Clock clock,
            ObservationRegistry observations, boolean unsampledLogCorrelation) {
        this.engine = engine;
        this.features = features;
        this.errors = errors;
        this.clock = clock;
        this.observation = new LinkRequestObservation(observations, unsampledLogCorrelation);
    }

    @Override
    public Mono<Reply> handle(RequestFrame frame) {
        long started = System.nanoTime();
        Duration remaining = Duration.between(clock.instant(), frame.deadline());
        if (remaining.isNegative() || remaining.isZero()) {
            return Mono.just(new ErrorFrame(frame.id(), ErrorCode.TIMEOUT, "deadline passed before the request ran"));
        }
        Request request;
        try {
            request = request(frame, remaining);
        } catch (IllegalArgumentException e) {
            return Mono.just(new ErrorFrame(frame.id(), ErrorCode.INTERNAL, "unusable request: " + e.getMessage()));
        }
        // Deferred: a version is entered only by a subscribed request, so every entry has its exit.
        return Mono.defer(() -> dispatch(request))
                .<Reply>map(response -> frame(frame.id(), response, started))
                .onErrorResume(e -> {
                    log.error("Request " + frame.id() + " (" + frame.method() + " " + frame.target() + ") failed", e);
                    return Mono.just(new ErrorFrame(frame.id(), ErrorCode.INTERNAL, "the supervisor failed"));
                });
    }

    private Mono<Response> dispatch(Request request) {
        for (int attempt = 0; attempt < ENTRY_ATTEMPTS; attempt++) {
            // Matched once: the route found carries the version that owns it, and the engine runs
            // this match rather than matching again.
            RouteMatch match = features.routing().table().match(request.method(), request.path());
            FeatureVersion owner = Routing.owner(match);
            if (owner == null) {
                return observation.observe(request, () -> engine.handle(request, match));
            }
            if (owner.tryEnter()) {
                // A version that outlives its drain timeout gives up on what it still runs: the
                // engine's run is cancelled (its effects with it) and the client gets a clean 503.
                // The version is exited before the request's observation stops, so the answer
                // never waits on the observation's work to leave the version.
                return observation.observe(request, () -> Mono.firstWithSignal(engine.handle(request, match),
                        owner.abandoned().then(Mono.fromSupplier(() -> abandoned(request)))))
                        .doFinally(signal -> owner.exit());
            }
            // The version drained (or gave up) between reading the routing and entering it: a
            // newer routing has replaced it, so read and match again.
        }
        return Mono.error(new IllegalStateException("no open version for " + request));
    }

    private Response abandoned(Request request) {
        String requestId = request.headers().first(Engine.REQUEST_ID_HEADER).orElse("-");
        return errors.render(ZerverError.of(ErrorKind.OVERLOADED, "feature", "drain_timeout"), requestId)
                .withOnlyHeader("Retry-After", "1")
                .withOnlyHeader(Engine.REQUEST_ID_HEADER, requestId);
    }

    /**
     * The engine's request for {@code frame}: headers as they arrived, and the frame's typed
     * facts as typed fields, the client's address and what is left of the ingest's deadline
     * (the ingest has applied the client's {@code X-Request-Timeout} to it).
     */
    static Request request(RequestFrame frame, Duration remaining) {
        String target = frame.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        Headers.Builder headers = Headers.builder();
        for (Header h : frame.headers()) {
            headers.add(h.name(), h.value());
        }
        return new Request(frame.method(), path, query, headers.build(), frame.body(), frame.clientAddress(),
                remaining);
    }

    private static ResponseFrame frame(long id, Response response, long startedNanos) {
        List<Header> headers = new ArrayList<>(response.headers().size());
        response.headers().forEach((name, value) -> headers.add(new Header(name, value)));
        return new ResponseFrame(id, response.status(), headers, response.body(),
                (System.nanoTime() - startedNanos) / 1_000);
    }
}
