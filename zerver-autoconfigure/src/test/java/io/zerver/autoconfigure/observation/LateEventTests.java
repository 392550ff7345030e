package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Layer;
import io.zerver.core.flow.Mode;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

/**
 * Work that outlives the answer (background effects, late compensations) is observed as
 * children of the stopped request: nothing is orphaned, nothing is left open, and the
 * stopped request receives nothing (the test registry's validator would fail on it).
 */
class LateEventTests {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final RecordingHandler recorded = new RecordingHandler();
    private final ObservationTimelineObserver observer = ObservationTimelineObserver.create(registry);
    private final Timeline timeline = new Timeline("r1", "GET", "/feed", 0, 0, observer);

    LateEventTests() {
        registry.observationConfig().observationHandler(recorded);
        observer.onStart(timeline);
        timeline.route("/feed");
    }

    private static TimelineEvent.EffectStarted started(int index, String kind, String target, boolean required,
            int attempt) {
        return new TimelineEvent.EffectStarted(10, index, kind, target, null, required, attempt);
    }

    private static TimelineEvent.EffectEnded ended(int index, String kind, String target, boolean required,
            int attempt, String outcome, boolean background) {
        return new TimelineEvent.EffectEnded(20, index, kind, target, null, required, attempt, 10, 0, outcome,
                outcome.equals("ok") ? null : "status_503", background);
    }

    @Test
    void backgroundEffectEndingAfterTheAnswerIsAChildOfTheRequest() {
        timeline.add(new TimelineEvent.StepStarted(1, "load", Layer.MAIN, 1));
        timeline.add(new TimelineEvent.StepEnded(2, "load", Layer.MAIN, 1, "need", 1));
        timeline.add(new TimelineEvent.NeedScheduled(3, "load", Mode.PARALLEL, Join.ALL_REQUIRED, 2));
        timeline.add(started(0, "db.get", "db", true, 1));
        timeline.add(started(1, "http.get", "ads.example.com", false, 1));
        timeline.add(ended(0, "db.get", "db", true, 1, "ok", false));
        timeline.add(new TimelineEvent.Finished(30, 200));
        // After the answer: the optional call fails, is retried, and succeeds.
        timeline.add(ended(1, "http.get", "ads.example.com", false, 1, "UpstreamUnavailable", true));
        timeline.add(new TimelineEvent.QueueWait(40, "step", 50_000_000));
        timeline.add(started(1, "http.get", "ads.example.com", false, 2));
        timeline.add(ended(1, "http.get", "ads.example.com", false, 2, "ok", true));

        Observation.Context request = recorded.named("GET /feed");
        assertThat(recorded.all(ZerverEffectContext.class)).hasSize(3).allSatisfy(effect ->
                ObservationContextAssert.assertThat(effect).hasParentObservationContextMatching(p -> p == request));
        assertThat(recorded.all(ZerverEffectContext.class)).filteredOn(ZerverEffectContext::background)
                .extracting(ZerverEffectContext::attempt, ZerverEffectContext::outcome, ZerverEffectContext::mode,
                        ZerverEffectContext::join)
                .containsExactly(tuple(1, "UpstreamUnavailable", Mode.PARALLEL, Join.ALL_REQUIRED),
                        tuple(2, "ok", Mode.PARALLEL, Join.ALL_REQUIRED));
        ObservationContextAssert.assertThat(recorded.all(ZerverEffectContext.class).get(2))
                .hasHighCardinalityKeyValue("effect.background", "true")
                .hasHighCardinalityKeyValue("http.request.method", "GET");
        // A wait after the answer neither promotes a job nor touches the stopped request.
        assertThat(recorded.all(ZerverJobContext.class)).isEmpty();
        assertThat(recorded.stopped).containsExactlyInAnyOrderElementsOf(recorded.started);
        assertThat(observer.running()).isZero();
    }

    @Test
    void compensationsFinishingAfterTheAnswerAreChildrenOfTheRequest() {
        timeline.add(new TimelineEvent.Failed(5, ZerverError.of(ErrorKind.TIMEOUT, "request", "deadline")));
        timeline.add(started(-1, "db.delete", "db", true, 1));
        timeline.add(new TimelineEvent.Finished(30, 504));
        timeline.add(ended(-1, "db.delete", "db", true, 1, "ok", false));
        timeline.add(new TimelineEvent.CompensationRan(31, "db.put", "db.delete", "db", "ok", 10));
        timeline.add(started(-1, "cache.delete", "cache", true, 1));
        timeline.add(ended(-1, "cache.delete", "cache", true, 1, "UpstreamUnavailable", false));
        timeline.add(new TimelineEvent.CompensationRan(41, "cache.set", "cache.delete", "cache",
                "UpstreamUnavailable", 10));

        Observation.Context request = recorded.named("GET /feed");
        ObservationContextAssert.assertThat(request)
                .hasLowCardinalityKeyValue("http.response.status_code", "504")
                .hasLowCardinalityKeyValue("error.type", "Timeout")
                .hasError();
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.cache.delete"))
                .hasLowCardinalityKeyValue("effect.compensation", "true")
                .hasLowCardinalityKeyValue("error.type", "UpstreamUnavailable")
                .hasError()
                .hasParentObservationContextMatching(p -> p == request);
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.db.delete"))
                .hasParentObservationContextMatching(p -> p == request);
        assertThat(recorded.stopped).containsExactlyInAnyOrderElementsOf(recorded.started);
    }

    @Test
    void eventsOfAnAnsweredRequestWithNothingPendingAreIgnored() {
        timeline.add(new TimelineEvent.Finished(30, 200));

        timeline.add(started(0, "db.get", "db", true, 1));
        timeline.add(new TimelineEvent.QueueWait(40, "step", 50_000_000));

        assertThat(recorded.started).hasSize(1);
        assertThat(recorded.stopped).hasSize(1);
    }

    @Test
    void cancelledAttemptIsNotAFailure() {
        timeline.add(started(0, "http.get", "slow.example.com", true, 1));
        timeline.add(ended(0, "http.get", "slow.example.com", true, 1, "cancelled", false));
        timeline.add(new TimelineEvent.Finished(30, 499));

        ObservationContextAssert.assertThat(recorded.named("zerver.effect.http.get"))
                .hasLowCardinalityKeyValue("effect.outcome", "cancelled")
                .hasLowCardinalityKeyValue("effect.success", "false")
                .doesNotHaveError();
        ObservationContextAssert.assertThat(recorded.named("GET /feed"))
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR");
    }
}
