package io.zerver.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** What the default conventions record is what the documentation says, and low keys are always all there. */
class ZerverObservationDocumentationTests {

    @Test
    void observationsCarryExactlyTheDocumentedLowKeysAndOnlyDocumentedHighKeys() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        RecordingHandler recorded = new RecordingHandler();
        registry.observationConfig().observationHandler(recorded);
        TodoRoutes app = new TodoRoutes(ObservationTimelineObserver.create(registry));

        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");
        app.get("/todos/2");
        app.get("/boom");
        app.send("POST", "/todos/3/fail", "");

        assertThat(recorded.started).hasSizeGreaterThan(10).allSatisfy(context -> {
            ZerverObservationDocumentation doc = documentationOf(context);
            assertThat(context.getName()).isEqualTo(conventionName(doc));
            assertThat(keys(context.getLowCardinalityKeyValues()))
                    .containsExactlyInAnyOrderElementsOf(names(doc.getLowCardinalityKeyNames()));
            assertThat(names(doc.getHighCardinalityKeyNames()))
                    .containsAll(keys(context.getHighCardinalityKeyValues()));
        });
    }

    @Test
    void everyKeyNameIsDocumentedOnce() {
        for (ZerverObservationDocumentation doc : ZerverObservationDocumentation.values()) {
            List<String> all = new ArrayList<>(names(doc.getLowCardinalityKeyNames()));
            all.addAll(names(doc.getHighCardinalityKeyNames()));
            assertThat(all).as(doc.name()).doesNotHaveDuplicates();
        }
    }

    private static ZerverObservationDocumentation documentationOf(Observation.Context context) {
        if (context instanceof ZerverRequestContext) {
            return ZerverObservationDocumentation.REQUEST;
        }
        if (context instanceof ZerverStepContext) {
            return ZerverObservationDocumentation.STEP;
        }
        if (context instanceof ZerverEffectContext) {
            return ZerverObservationDocumentation.EFFECT;
        }
        return ZerverObservationDocumentation.JOB_STEP;
    }

    private static String conventionName(ZerverObservationDocumentation doc) {
        try {
            Object instance = doc.getDefaultConvention().getField("INSTANCE").get(null);
            return ((ObservationConvention<?>) instance).getName();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> keys(Iterable<KeyValue> values) {
        return StreamSupport.stream(values.spliterator(), false).map(KeyValue::getKey).collect(Collectors.toList());
    }

    private static List<String> names(KeyName[] names) {
        return Arrays.stream(names).map(KeyName::asString).collect(Collectors.toList());
    }
}
