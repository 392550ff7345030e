package io.zerver.bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain Spring Boot WebFlux application, the reference of {@code benchmarks/wrk/starter.sh}.
 * Component scanning finds {@link PlainEndpoints} (annotated controller), {@link PlainRoutes}
 * (the same under {@code /fn}, functional) and {@link KvSeed} (the {@code kv} table); they run on
 * Boot's auto-configured DataSource (HikariCP over the SQLite file of
 * {@code spring.datasource.url}). No Zerver class is on its classpath. The starter app imports
 * the same three classes.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class PlainApp {

    public static void main(String[] args) {
        SpringApplication.run(PlainApp.class, args);
    }
}
