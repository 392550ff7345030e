package io.zerver.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real ingest app on random ports (ingest and management), its link a {@link RecordingLinkClient}.
 * Every test class with it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { IngestApplication.class, IngestTest.Link.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "zerver.ingest.read-timeout=1s" })
@interface IngestTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Link {

        @Bean
        RecordingLinkClient linkClient() {
            return new RecordingLinkClient();
        }
    }
}
