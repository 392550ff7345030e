package io.zerver.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The request, step and effect timers come from the observations themselves, through
 * Micrometer's meter handler, tagged with the low cardinality keys only.
 */
class ObservationMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TodoRoutes app;

    ObservationMetricsTests() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        app = new TodoRoutes(ObservationTimelineObserver.create(registry));
    }

    @Test
    void requestTimerIsTaggedByRoutePatternNeverByPath() {
        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");
        app.get("/todos/2");
        app.get("/todos/3");

        Timer get = meters.get("zerver.requests").tag("http.route", "/todos/:id")
                .tag("http.request.method", "GET").tag("outcome", "SUCCESS").timer();
        assertThat(get.count()).isEqualTo(1);
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id")
                .tag("http.response.status_code", "404").timer().count()).isEqualTo(2);
        assertThat(meters.find("zerver.requests").timers()).allSatisfy(timer ->
                assertThat(timer.getId().getTags()).noneMatch(tag -> tag.getValue().startsWith("/todos/")
                        && !tag.getValue().equals("/todos/:id")));
    }

    @Test
    void stepAndEffectTimersAreTaggedByNameKindAndOutcome() {
        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");

        assertThat(meters.get("zerver.steps").tag("step.name", "load").tag("step.layer", "main")
                .tag("step.outcome", "need").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.effects").tag("effect.kind", "db.get").tag("effect.target", "db")
                .tag("effect.outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void timersOfOneNameAllHaveTheSameTagKeys() {
        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");
        app.get("/todos/2");
        app.get("/boom");
        app.get("/nothing");
        app.send("POST", "/todos/9/fail", "");

        for (String name : new String[] {"zerver.requests", "zerver.steps", "zerver.effects"}) {
            assertThat(meters.find(name).timers()).extracting(ObservationMetricsTests::tagKeys)
                    .as(name).hasSizeGreaterThan(1).containsOnly(tagKeys(meters.find(name).timers().iterator().next()));
        }
    }

    private static Set<String> tagKeys(Meter meter) {
        Set<String> keys = new TreeSet<>();
        meter.getId().getTags().forEach(tag -> keys.add(tag.getKey()));
        return keys;
    }
}
