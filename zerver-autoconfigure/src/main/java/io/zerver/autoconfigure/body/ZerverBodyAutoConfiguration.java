package io.zerver.autoconfigure.body;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.autoconfigure.engine.ZerverEngineBuilderCustomizer;
import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed bodies with what the application already has: its Jackson {@link JsonMapper} reads
 * {@code ctx.body(Type)} and writes {@code Response.json(object)}, and its Bean Validation
 * {@link Validator}, when it has one (spring-boot-starter-validation), checks the bodies read.
 */
@AutoConfiguration(before = ZerverEngineAutoConfiguration.class,
        afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@ConditionalOnClass(JsonMapper.class)
public final class ZerverBodyAutoConfiguration {

    @Bean
    @ConditionalOnBean(JsonMapper.class)
    ZerverEngineBuilderCustomizer zerverJacksonBodies(JsonMapper mapper) {
        JacksonBodyCodec codec = new JacksonBodyCodec(mapper);
        return builder -> builder.bodyCodec(codec);
    }

    /** Bean Validation, when the application has a validator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Validator.class)
    static class BeanValidation {

        @Bean
        @ConditionalOnBean(Validator.class)
        ZerverEngineBuilderCustomizer zerverBeanValidation(Validator validator) {
            BeanValidationBodyValidator bodies = new BeanValidationBodyValidator(validator);
            return builder -> builder.bodyValidator(bodies);
        }
    }
}
