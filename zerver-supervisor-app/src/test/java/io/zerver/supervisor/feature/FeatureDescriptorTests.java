package io.zerver.supervisor.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class FeatureDescriptorTests {

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void readsNameVersionAndConfigurationClasses() {
        FeatureDescriptor d = FeatureDescriptor.of(props("name", "todos", "version", "1.2.0",
                "configuration", " a.b.One , a.b.Two "), "todos.jar");

        assertThat(d.name()).isEqualTo("todos");
        assertThat(d.label()).isEqualTo("1.2.0");
        assertThat(d.configurations()).containsExactly("a.b.One", "a.b.Two");
    }

    @Test
    void rejectsANameThatIsNotASlug() {
        assertThatThrownBy(() -> FeatureDescriptor.of(props("name", "../etc", "version", "1",
                "configuration", "a.B"), "x.jar"))
                .isInstanceOf(FeatureLoadException.class).hasMessage("x.jar: name '../etc' (expected: [a-z0-9][a-z0-9-]*)");
    }

    @Test
    void rejectsAMissingVersionOrConfiguration() {
        assertThatThrownBy(() -> FeatureDescriptor.of(props("name", "x", "configuration", "a.B"), "x.jar"))
                .hasMessage("x.jar: no version");
        assertThatThrownBy(() -> FeatureDescriptor.of(props("name", "x", "version", "1"), "x.jar"))
                .hasMessage("x.jar: no configuration class (configuration=...)");
        assertThatThrownBy(() -> FeatureDescriptor.of(props("name", "x", "version", "1",
                "configuration", "a.B; rm -rf"), "x.jar"))
                .hasMessage("x.jar: configuration 'a.B; rm -rf' is not a class name");
    }
}
