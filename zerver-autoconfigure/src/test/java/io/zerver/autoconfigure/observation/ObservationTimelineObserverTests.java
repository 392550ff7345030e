package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.Kind;
import io.zerver.core.flow.Layer;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

/** Real requests through an engine, observed on a test registry. */
class ObservationTimelineObserverTests {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final RecordingHandler recorded = new RecordingHandler();
    private final ObservationTimelineObserver observer = ObservationTimelineObserver.create(registry);
    private final TodoRoutes app = new TodoRoutes(observer);

    ObservationTimelineObserverTests() {
        registry.observationConfig().observationHandler(recorded);
    }

    private void seed(String id, String title) {
        assertThat(app.send("PUT", "/todos/" + id, title).status()).isEqualTo(204);
        registry.clear();
        recorded.started.clear();
        recorded.stopped.clear();
    }

    @Test
    void requestIsNamedByMethodAndRoutePatternNeverThePath() {
        seed("1", "milk");

        assertThat(app.get("/todos/1").status()).isEqualTo(200);

        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("zerver.requests").that()
                .hasContextualNameEqualTo("GET /todos/:id")
                .hasLowCardinalityKeyValue("http.request.method", "GET")
                .hasLowCardinalityKeyValue("http.route", "/todos/:id")
                .hasLowCardinalityKeyValue("http.response.status_code", "200")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("url.path", "/todos/1")
                .hasHighCardinalityKeyValueWithKey("zerver.request.id")
                .doesNotHaveLowCardinalityKeyValueWithKey("url.path")
                .doesNotHaveParentObservation()
                .doesNotHaveError()
                .hasBeenStarted()
                .hasBeenStopped();
    }

    @Test
    void stepsAreChildrenOfTheRequestWithTheirKeys() {
        seed("1", "milk");

        app.get("/todos/1");

        Observation.Context request = recorded.named("GET /todos/:id");
        ObservationContextAssert.assertThat(recorded.named("zerver.step.load"))
                .hasNameEqualTo("zerver.steps")
                .hasLowCardinalityKeyValue("step.name", "load")
                .hasLowCardinalityKeyValue("step.layer", "main")
                .hasLowCardinalityKeyValue("step.outcome", "need")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("step.sequence", "1")
                .hasParentObservationContextMatching(parent -> parent == request);
        ObservationContextAssert.assertThat(recorded.named("zerver.step.render"))
                .hasLowCardinalityKeyValue("step.outcome", "done")
                .hasHighCardinalityKeyValue("step.sequence", "2")
                .hasParentObservationContextMatching(parent -> parent == request);
    }

    @Test
    void effectAttemptsAreClientChildrenOfTheRequestWithTheirKeys() {
        seed("1", "milk");

        app.get("/todos/1");

        Observation.Context request = recorded.named("GET /todos/:id");
        Observation.Context effect = recorded.named("zerver.effect.db.get");
        ObservationContextAssert.assertThat(effect)
                .hasNameEqualTo("zerver.effects")
                .hasLowCardinalityKeyValue("effect.kind", "db.get")
                .hasLowCardinalityKeyValue("effect.target", "db")
                .hasLowCardinalityKeyValue("effect.required", "true")
                .hasLowCardinalityKeyValue("effect.mode", "parallel")
                .hasLowCardinalityKeyValue("effect.join", "all")
                .hasLowCardinalityKeyValue("effect.outcome", "ok")
                .hasLowCardinalityKeyValue("effect.success", "true")
                .hasLowCardinalityKeyValue("effect.compensation", "false")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("effect.attempts", "1")
                .hasHighCardinalityKeyValue("effect.slot", "todo")
                .hasHighCardinalityKeyValue("effect.bytes", "4")
                .hasHighCardinalityKeyValue("db.operation", "get")
                .hasHighCardinalityKeyValue("effect.timeout_ms", "1000")
                .hasHighCardinalityKeyValue("effect.need", "1")
                .doesNotHaveHighCardinalityKeyValueWithKey("url.full")
                .doesNotHaveError()
                .hasParentObservationContextMatching(parent -> parent == request);
        assertThat(effect).isInstanceOfSatisfying(ZerverEffectContext.class,
                c -> assertThat(c.getKind()).isEqualTo(Kind.CLIENT));
    }

    @Test
    void notFoundRouteRecordsTheErrorWithoutFailingTheSpan() {
        assertThat(app.get("/nothing/here").status()).isEqualTo(404);

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsEqualTo(1)
                .hasObservationWithNameEqualTo("zerver.requests").that()
                .hasContextualNameEqualTo("GET")
                .hasLowCardinalityKeyValue("http.route", "none")
                .hasLowCardinalityKeyValue("http.response.status_code", "404")
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("error.type", "NotFound")
                .hasLowCardinalityKeyValue("zerver.error.what", "route")
                .hasHighCardinalityKeyValue("zerver.error.key", "/nothing/here")
                .doesNotHaveError();
    }

    @Test
    void missingRecordFailsTheEffectAttemptWithItsOutcome() {
        assertThat(app.get("/todos/404").status()).isEqualTo(404);

        ObservationContextAssert.assertThat(recorded.named("zerver.effect.db.get"))
                .hasLowCardinalityKeyValue("effect.outcome", "NotFound")
                .hasLowCardinalityKeyValue("effect.success", "false")
                .hasLowCardinalityKeyValue("error.type", "NotFound")
                .hasHighCardinalityKeyValue("zerver.error.key", "todo:404")
                .hasError();
        ObservationContextAssert.assertThat(recorded.named("GET /todos/:id"))
                .hasLowCardinalityKeyValue("error.type", "NotFound")
                .hasLowCardinalityKeyValue("zerver.error.what", "db");
    }

    @Test
    void throwingStepFailsTheStepAndTheRequest() {
        assertThat(app.get("/boom").status()).isEqualTo(500);

        ObservationContextAssert.assertThat(recorded.named("zerver.step.boom"))
                .hasLowCardinalityKeyValue("step.outcome", "error")
                .hasLowCardinalityKeyValue("error.type", "java.lang.IllegalStateException")
                .hasError();
        ObservationContextAssert.assertThat(recorded.named("GET /boom"))
                .hasLowCardinalityKeyValue("http.response.status_code", "500")
                .hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
                .hasLowCardinalityKeyValue("error.type", "Internal")
                .hasLowCardinalityKeyValue("zerver.error.what", "step")
                .hasHighCardinalityKeyValue("zerver.error.key", "boom")
                .hasError();
    }

    @Test
    void compensationsAreEffectAttemptsMarkedAsSuch() {
        assertThat(app.send("POST", "/todos/7/fail", "").status()).isEqualTo(409);

        Observation.Context request = recorded.named("POST /todos/:id/fail");
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.db.delete"))
                .hasLowCardinalityKeyValue("effect.compensation", "true")
                .hasLowCardinalityKeyValue("effect.mode", "none")
                .hasLowCardinalityKeyValue("effect.join", "none")
                .hasLowCardinalityKeyValue("effect.success", "true")
                .hasParentObservationContextMatching(parent -> parent == request);
        assertThat(app.kv.snapshot()).doesNotContainKey("todo:7");
        // A failed request whose effects succeeded may still compensate: kept, weakly, for late events.
        assertThat(observer.lingering()).isEqualTo(1);
    }

    @Test
    void everyObservationOfARequestIsStoppedAndNoneIsKept() {
        seed("1", "milk");

        app.get("/todos/1");
        app.get("/boom");
        app.get("/nothing");

        assertThat(recorded.started).hasSize(7).containsExactlyInAnyOrderElementsOf(recorded.stopped);
        assertThat(observer.running()).isZero();
        // None of them can have work after the answer: nothing is kept for late events.
        assertThat(observer.lingering()).isZero();
    }

    @Test
    void userConventionNamesTheRequest() {
        TestObservationRegistry own = TestObservationRegistry.create();
        ZerverRequestObservationConvention convention = new DefaultZerverRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ZerverRequestContext context) {
                return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
            }
        };
        TodoRoutes custom = new TodoRoutes(ObservationTimelineObserver.builder(own)
                .requestConvention(convention).build());

        custom.get("/nothing");

        TestObservationRegistryAssert.assertThat(own).hasObservationWithNameEqualTo("zerver.requests").that()
                .hasLowCardinalityKeyValue("tenant", "acme");
    }

    @Test
    void noopRegistryObservesNothing() {
        ObservationTimelineObserver noop = ObservationTimelineObserver.create(ObservationRegistry.NOOP);
        Timeline timeline = new Timeline("r1", "GET", "/x", 0, 0, noop);

        noop.onStart(timeline);
        timeline.add(new TimelineEvent.StepStarted(1, "x", Layer.MAIN, 1));
        timeline.add(new TimelineEvent.Finished(2, 200));

        assertThat(noop.running()).isZero();
        assertThat(new TodoRoutes(noop).get("/nothing").status()).isEqualTo(404);
    }

    @Test
    void registryWithoutHandlersObservesNothing() {
        ObservationRegistry empty = ObservationRegistry.create();
        ObservationTimelineObserver idle = ObservationTimelineObserver.create(empty);
        Timeline timeline = new Timeline("r1", "GET", "/x", 0, 0, idle);

        idle.onStart(timeline);

        assertThat(idle.running()).isZero();
    }

    @Test
    void predicateDecliningRequestsObservesNothingOfThem() {
        registry.observationConfig().observationPredicate((name, context) -> !"zerver.requests".equals(name));

        app.get("/nothing");

        assertThat(recorded.started).isEmpty();
        assertThat(observer.running()).isZero();
    }
}
