package io.zerver.supervisor;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The supervisor's only HTTP server is its actuator, on {@code management.server.port}. Boot
 * always starts the main server of a web application, so {@code server.port} is made to follow
 * {@code management.server.port} (8081 by default), read when asked rather than copied: one
 * server, the actuator on it, and a {@code SERVER_PORT} meant for the ingest never
 * moves the supervisor.
 */
class ManagementPortEnvironment implements EnvironmentPostProcessor {

    static final String DEFAULT_PORT = "8081";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new ServerPortFollowsManagementPort(environment));
    }

    /** Not backed by the environment itself: Boot would walk into it as nested property sources. */
    private static final class ServerPortFollowsManagementPort extends PropertySource<Object> {

        private final ConfigurableEnvironment environment;

        ServerPortFollowsManagementPort(ConfigurableEnvironment environment) {
            super("zerverSupervisorServerPort", new Object());
            this.environment = environment;
        }

        @Override
        public @Nullable Object getProperty(String name) {
            return "server.port".equals(name) ? environment.getProperty("management.server.port", DEFAULT_PORT) : null;
        }
    }
}
