package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The deprecated observe-unsampled, bound into the record, sets observe-children. */
class ZerverTracingPropertiesTests {

    private static ZerverTracingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("zerver.tracing",
                ZerverTracingProperties.class);
    }

    @Test
    void observeUnsampledSetsObserveChildren() {
        assertThat(bind(Map.of("zerver.tracing.observe-unsampled", "true")).observeChildren()).isTrue();
        assertThat(bind(Map.of("zerver.tracing.observe-children", "true", "zerver.tracing.observe-unsampled", "false"))
                .observeChildren()).isFalse();
    }

    @Test
    void observeChildrenIsFalseUnlessSet() {
        assertThat(bind(Map.of()).observeChildren()).isFalse();
        assertThat(bind(Map.of("zerver.tracing.observe-children", "true")).observeChildren()).isTrue();
    }
}
