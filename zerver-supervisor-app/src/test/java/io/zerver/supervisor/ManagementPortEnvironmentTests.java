package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ManagementPortEnvironmentTests {

    @Test
    void serverPortFollowsTheManagementPortWhateverServerPortSays() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("env",
                Map.of("server.port", "8080", "management.server.port", "9191")));

        new ManagementPortEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.port")).isEqualTo("9191");
    }

    @Test
    void serverPortIs8081WithoutAManagementPort() {
        StandardEnvironment environment = new StandardEnvironment();

        new ManagementPortEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void followsAManagementPortSetAfterwards() {
        StandardEnvironment environment = new StandardEnvironment();
        new ManagementPortEnvironment().postProcessEnvironment(environment, new SpringApplication());

        environment.getPropertySources().addFirst(new MapPropertySource("later", Map.of("management.server.port", "0")));

        assertThat(environment.getProperty("server.port")).isEqualTo("0");
    }
}
