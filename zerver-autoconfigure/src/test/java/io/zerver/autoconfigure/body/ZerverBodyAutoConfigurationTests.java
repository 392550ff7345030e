package io.zerver.autoconfigure.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Typed bodies with the application's own Jackson mapper and Bean Validation: records in, records
 * out, and each field's error in a 400.
 */
class ZerverBodyAutoConfigurationTests {

    record NewTodo(@NotBlank String title, @Size(max = 3) List<String> tags, @Min(1) int priority, LocalDate due) {
    }

    record Todo(String id, String title, List<String> tags, int priority, LocalDate due) {
    }

    /** A type Jackson cannot create: no creator it can see. */
    static final class Opaque {

        private Opaque(int secret) {
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class, ZerverBodyAutoConfiguration.class,
                    ZerverEngineAutoConfiguration.class))
            .withUserConfiguration(TodoRoutes.class);

    @Configuration(proxyBeanMethods = false)
    static class TodoRoutes {

        @Bean
        ZerverRoutes todos() {
            Step create = Step.named("create").run(ctx -> {
                NewTodo todo = ctx.body(NewTodo.class);
                return Decision.done(Response.json(201,
                        new Todo("t1", todo.title(), todo.tags(), todo.priority(), todo.due())));
            });
            Step opaque = Step.named("opaque").run(ctx -> {
                ctx.body(Opaque.class);
                return Decision.done(Response.status(204));
            });
            return routes -> routes.post("/todos", r -> r.steps(create)).post("/opaque", r -> r.steps(opaque));
        }
    }

    private static Response post(Engine engine, String body) {
        return engine.handle(Request.of("POST", "/todos").withBody(body)).block(Duration.ofSeconds(5));
    }

    @Test
    void aRecordIsReadAndWrittenByTheApplicationsJacksonMapper() {
        runner.run(context -> {
            Response response = post(context.getBean(Engine.class),
                    "{\"title\":\"milk\",\"tags\":[\"shop\"],\"priority\":2,\"due\":\"2026-12-24\"}");

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.bodyAsString()).isEqualTo(
                    "{\"id\":\"t1\",\"title\":\"milk\",\"tags\":[\"shop\"],\"priority\":2,\"due\":\"2026-12-24\"}");
        });
    }

    @Test
    void eachFieldBreakingItsConstraintIsListedInA400() {
        runner.run(context -> {
            Response response = post(context.getBean(Engine.class),
                    "{\"title\":\" \",\"tags\":[\"a\",\"b\",\"c\",\"d\"],\"priority\":0}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.bodyAsString())
                    .contains("\"kind\":\"InvalidInput\",\"what\":\"body\",\"key\":\"invalid\"")
                    .contains("{\"field\":\"priority\",\"message\":\"must be greater than or equal to 1\"}")
                    .contains("{\"field\":\"tags\",\"message\":\"size must be between 0 and 3\"}")
                    .contains("{\"field\":\"title\",\"message\":\"must not be blank\"}");
        });
    }

    @Test
    void aFieldOfTheWrongTypeOrMalformedJsonIsA400SayingWhere() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            Response wrongType = post(engine, "{\"title\":\"milk\",\"priority\":\"high\"}");
            Response malformed = post(engine, "{\"title\":");

            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.bodyAsString()).contains("\"key\":\"unreadable\"")
                    .contains("{\"field\":\"priority\",\"message\":\"cannot be read as a int\"}")
                    .doesNotContain("high");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.bodyAsString()).contains("\"what\":\"json\",\"key\":\"malformed\"");
        });
    }

    @Test
    void aTypeJacksonCannotCreateIsTheApplicationsMistakeNotTheClients() {
        runner.run(context -> {
            Response response = context.getBean(Engine.class)
                    .handle(Request.of("POST", "/opaque").withBody("{}")).block(Duration.ofSeconds(5));

            assertThat(response.status()).isEqualTo(500);
        });
    }

    @Test
    void withoutAValidatorBodiesAreReadUnchecked() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        ZerverBodyAutoConfiguration.class, ZerverEngineAutoConfiguration.class))
                .withUserConfiguration(TodoRoutes.class).run(context -> {
            assertThat(context).doesNotHaveBean(jakarta.validation.Validator.class);

            assertThat(post(context.getBean(Engine.class), "{\"title\":\" \",\"priority\":0}").status())
                    .isEqualTo(201);
        });
    }
}
