package io.zerver.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Starts the ingest: {@code java -jar zerver-ingest-app.jar}. Needs a {@link io.zerver.ipc.client.LinkClient}
 * bean (the link transport); without one start-up fails and says so.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(IngestConfiguration.class)
public class IngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestApplication.class, args);
    }
}
