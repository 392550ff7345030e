package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.zerver.core.flow.Layer;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Event-first jobs: a wait is an event on the request; only a wait over the threshold
 * makes the job an observation of its own.
 */
class JobPromotionTests {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final RecordingHandler recorded = new RecordingHandler();
    private final ObservationTimelineObserver observer = ObservationTimelineObserver.create(registry);
    /** The scheduler's clock, moved by hand; queued jobs run on the thread that frees the slot. */
    private final AtomicLong ticks = new AtomicLong();
    private final SloScheduler slo = SloScheduler.create(SchedulerConfig.defaults().withMaxConcurrent(1),
            Runnable::run, ticks::get, SchedulerListener.none());
    private final TodoRoutes app = new TodoRoutes(observer, b -> b.stepScheduler(slo));

    JobPromotionTests() {
        registry.observationConfig().observationHandler(recorded);
    }

    /** Sends {@code GET target} while the only slot is taken, lets it wait {@code wait}, then frees the slot. */
    private Response queuedFor(Duration wait, String target) throws Exception {
        assertThat(slo.tryRunNow()).isTrue();
        CompletableFuture<Response> answer = app.engine.handle(Request.of("GET", target)).toFuture();
        assertThat(slo.queueDepth()).isEqualTo(1);
        ticks.addAndGet(wait.toNanos());
        slo.release();
        return answer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shortQueueWaitIsAnEventOnTheRequestOnly() throws Exception {
        assertThat(queuedFor(Duration.ofMillis(2), "/boom").status()).isEqualTo(500);

        Observation.Context request = recorded.named("GET /boom");
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("zerver.jobs", 0)
                .hasObservationWithNameEqualTo("zerver.requests").that()
                .hasEvent("queue_wait", "step job waited 2.000 ms in the queue");
        ObservationContextAssert.assertThat(recorded.named("zerver.step.boom"))
                .hasParentObservationContextMatching(parent -> parent == request);
    }

    @Test
    void longQueueWaitPromotesTheJobToAChildOfTheRequest() throws Exception {
        app.send("PUT", "/todos/1", "milk");
        registry.clear();
        recorded.started.clear();
        recorded.stopped.clear();

        assertThat(queuedFor(Duration.ofMillis(20), "/todos/1").status()).isEqualTo(200);

        Observation.Context request = recorded.named("GET /todos/:id");
        Observation.Context job = recorded.named("zerver.job.step");
        ObservationContextAssert.assertThat(job)
                .hasNameEqualTo("zerver.jobs")
                .hasLowCardinalityKeyValue("zerver.job", "step")
                .hasLowCardinalityKeyValue("zerver.job.wait", "queue")
                .hasHighCardinalityKeyValue("zerver.job.wait_ms", "20.000")
                .hasParentObservationContextMatching(parent -> parent == request);
        // The job runs the steps up to its need; the effect and what follows belong to the request.
        ObservationContextAssert.assertThat(recorded.named("zerver.step.load"))
                .hasParentObservationContextMatching(parent -> parent == job);
        ObservationContextAssert.assertThat(recorded.named("zerver.effect.db.get"))
                .hasParentObservationContextMatching(parent -> parent == request);
        ObservationContextAssert.assertThat(recorded.named("zerver.step.render"))
                .hasParentObservationContextMatching(parent -> parent == request);
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("zerver.requests").that()
                .hasEvent("queue_wait");
        assertThat(recorded.stopped).containsExactlyInAnyOrderElementsOf(recorded.started);
    }

    @Test
    void thresholdIsConfigurable() throws Exception {
        ObservationTimelineObserver patient = ObservationTimelineObserver.builder(registry)
                .promoteQueueWait(Duration.ofMillis(50)).build();
        TodoRoutes app2 = new TodoRoutes(patient, b -> b.stepScheduler(slo));
        assertThat(slo.tryRunNow()).isTrue();
        CompletableFuture<Response> answer = app2.engine.handle(Request.of("GET", "/boom")).toFuture();
        ticks.addAndGet(Duration.ofMillis(20).toNanos());
        slo.release();
        answer.get(5, TimeUnit.SECONDS);

        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsWithNameEqualTo("zerver.jobs", 0);
    }

    @Test
    void longParkWaitPromotesAParkedJob() {
        Timeline timeline = new Timeline("r1", "GET", "/todos/1", 0, 1_000, observer);
        observer.onStart(timeline);
        timeline.route("/todos/:id");

        timeline.add(new TimelineEvent.ParkWait(9_000_000, "step", 8_000_000));
        timeline.add(new TimelineEvent.StepStarted(9_100_000, "render", Layer.MAIN, 2));
        timeline.add(new TimelineEvent.StepEnded(9_200_000, "render", Layer.MAIN, 2, "done", 100_000));
        timeline.add(new TimelineEvent.Finished(9_300_000, 200));

        Observation.Context job = recorded.named("zerver.job.step");
        ObservationContextAssert.assertThat(job)
                .hasLowCardinalityKeyValue("zerver.job.wait", "park")
                .hasHighCardinalityKeyValue("zerver.job.wait_ms", "8.000");
        ObservationContextAssert.assertThat(recorded.named("zerver.step.render"))
                .hasParentObservationContextMatching(parent -> parent == job);
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("zerver.requests").that()
                .hasEvent("park_wait", "step job waited 8.000 ms parked");
        assertThat(recorded.stopped).containsExactlyInAnyOrderElementsOf(recorded.started);
    }

    @Test
    void shortParkWaitIsAnEventOnly() {
        Timeline timeline = new Timeline("r1", "GET", "/todos/1", 0, 1_000, observer);
        observer.onStart(timeline);

        timeline.add(new TimelineEvent.ParkWait(9_000_000, "step", 4_000_000));
        timeline.add(new TimelineEvent.Finished(9_300_000, 200));

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("zerver.jobs", 0)
                .hasObservationWithNameEqualTo("zerver.requests").that()
                .hasEvent("park_wait");
    }
}
