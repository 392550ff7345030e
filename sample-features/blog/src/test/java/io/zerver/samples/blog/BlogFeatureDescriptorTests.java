package io.zerver.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/** The descriptor a supervisor reads before it loads the jar (docs/features.md). */
class BlogFeatureDescriptorTests {

    @Test
    void namesTheFeatureItsVersionAndItsOneConfiguration() throws Exception {
        Properties descriptor = new Properties();
        try (InputStream in = BlogFeature.class.getResourceAsStream("/META-INF/zerver-feature.properties")) {
            assertThat(in).as("META-INF/zerver-feature.properties on the class path").isNotNull();
            descriptor.load(in);
        }

        assertThat(descriptor.getProperty("name")).isEqualTo("blog");
        assertThat(descriptor.getProperty("version")).as("filtered at build time").isNotBlank()
                .doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+.*");
        Class<?> configuration = Class.forName(descriptor.getProperty("configuration"));
        assertThat(configuration).isEqualTo(BlogFeature.class).hasAnnotation(Configuration.class);
    }

    @Test
    void theFeatureJarCarriesHtmxAndItsLicence() {
        assertThat(BlogFeature.class.getResource("static/htmx.min.js")).isNotNull();
        assertThat(BlogFeature.class.getResource("static/htmx.LICENSE")).isNotNull();
    }
}
