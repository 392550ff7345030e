package io.zerver.supervisor;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The supervisor's only HTTP server is its actuator, on {@code management.server.port}. Boot
 * always starts the main server of a web application, so this points {@code server.port} at the
 * same port: one server, the actuator on it, and a {@code SERVER_PORT} meant for the ingest
 * (SPEC §10) never moves the supervisor.
 */
class ManagementPortEnvironment implements EnvironmentPostProcessor {

    static final String DEFAULT_PORT = "8081";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port", DEFAULT_PORT);
        environment.getPropertySources().addFirst(new MapPropertySource("zerverSupervisorPorts",
                Map.of("server.port", port, "management.server.port", port)));
    }
}
