package io.zerver.supervisor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The supervisor process: serves the link on {@code zerver.ipc.socket}, hosts the feature jars
 * of {@code zerver.features.dir}, and exposes its actuator on {@code management.server.port}
 * (8081 by default). It serves no HTTP traffic of its own: the ingest forwards it.
 */
@SpringBootApplication
public class SupervisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupervisorApplication.class, args);
    }
}
