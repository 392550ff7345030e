package io.zerver.bench.starter;

import io.zerver.bench.plain.KvSeed;
import io.zerver.bench.plain.PlainEndpoints;
import io.zerver.bench.plain.PlainRoutes;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The plain app with {@code zerver-spring-boot-starter} added, as a user adds it: the plain
 * app's endpoint classes, unchanged and on the same paths ({@code /echo}, {@code /json},
 * {@code /kv/{key}} and {@code /fn/...}), its {@code kv} table, and {@link ZerverBenchRoutes}
 * ({@code /z/echo}, {@code /z/json}, {@code /z/kv/:key}) on the same DataSource.
 * {@code benchmarks/wrk/starter.sh} compares it with the plain app.
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import({ PlainEndpoints.class, PlainRoutes.class, KvSeed.class, ZerverBenchRoutes.class })
public class StarterApp {

    public static void main(String[] args) {
        SpringApplication.run(StarterApp.class, args);
    }
}
