package io.zerver.supervisor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real feature jars for tests: compiles Java sources against the test class path with
 * the JDK's compiler and writes them, with a descriptor, into a jar that is on no class path.
 */
public final class FeatureJars {

    private FeatureJars() {
    }

    /** The todos sample jar the build copied next to the tests. */
    public static Path todos() {
        return sample("todos.jar");
    }

    /** The blog sample jar the build copied next to the tests. */
    public static Path blog() {
        return sample("blog.jar");
    }

    private static Path sample(String name) {
        Path jar = Path.of("target/sample-features").resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build with the reactor (-am)");
        }
        return jar;
    }

    /**
     * Compiles {@code sources} (class name → source) and writes {@code jar} with a descriptor
     * naming {@code feature}, {@code version} and {@code configuration}.
     */
    public static Path compile(Path jar, String feature, String version, String configuration,
            Map<String, String> sources) {
        try {
            Path work = Files.createTempDirectory("feature-src");
            List<String> args = new ArrayList<>(List.of("-d", work.resolve("classes").toString(),
                    "-classpath", System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int status = javac.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("javac failed with " + status);
            }
            Path classes = work.resolve("classes");
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(classes)) {
                zip.putNextEntry(new JarEntry("META-INF/zerver-feature.properties"));
                zip.write(("name=" + feature + "\nversion=" + version + "\nconfiguration=" + configuration + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A feature serving {@code GET /<feature>} with {@code 200 <word>}; when {@code failing} its
     * context fails to start.
     */
    public static Path greeting(Path jar, String feature, String word, boolean failing) {
        return greeting(jar, feature, word, failing, "/" + feature);
    }

    /** The same, on {@code route}. */
    public static Path greeting(Path jar, String feature, String word, boolean failing, String route) {
        String pkg = "test." + feature.replace('-', '_');
        String source = """
                package %1$s;

                import io.zerver.core.route.ZerverRoutes;
                import io.zerver.core.http.Response;
                import io.zerver.core.step.Decision;
                import io.zerver.core.step.Step;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                @Configuration(proxyBeanMethods = false)
                public class GreetingFeature {

                    @Bean
                    ZerverRoutes greetingRoutes() {
                        if (%3$s) {
                            throw new IllegalStateException("greeting feature refuses to start");
                        }
                        return routes -> routes.get("%2$s", r -> r.steps(Step.of("greet",
                                ctx -> Decision.done(Response.text(200, "%4$s")))));
                    }
                }
                """.formatted(pkg, route, failing, word);
        return compile(jar, feature, word, pkg + ".GreetingFeature", Map.of(pkg + ".GreetingFeature", source));
    }

    /**
     * A feature serving {@code GET /<feature>?path=/delay?ms=N} by calling {@code upstream + path}
     * through the HTTP effect (60 s timeout), answering {@code 200 <word>:<upstream body>}.
     */
    public static Path upstreamCaller(Path jar, String feature, String word, String upstream) {
        String pkg = "test." + feature.replace('-', '_');
        String source = """
                package %1$s;

                import io.zerver.core.route.ZerverRoutes;
                import io.zerver.core.effect.Effects;
                import io.zerver.core.effect.HttpResult;
                import io.zerver.core.http.Response;
                import io.zerver.core.slot.Slot;
                import io.zerver.core.step.Decision;
                import io.zerver.core.step.Step;
                import java.time.Duration;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                @Configuration(proxyBeanMethods = false)
                public class CallerFeature {

                    static final Slot<HttpResult> RESULT = Slot.of("upstream", HttpResult.class);

                    @Bean
                    ZerverRoutes callerRoutes() {
                        Step call = Step.named("call").writes(RESULT).run(ctx -> Decision.need(
                                Effects.httpGet("%3$s" + ctx.query("path").orElse("/delay?ms=0"))
                                        .timeout(Duration.ofSeconds(60)).into(RESULT)));
                        Step render = Step.named("render").reads(RESULT).run(ctx -> Decision.done(
                                Response.text(200, "%4$s:" + ctx.require(RESULT).bodyAsString())));
                        return routes -> routes.get("/%2$s", r -> r.steps(call, render).timeout(Duration.ofSeconds(60)));
                    }
                }
                """.formatted(pkg, feature, upstream, word);
        return compile(jar, feature, word, pkg + ".CallerFeature", Map.of(pkg + ".CallerFeature", source));
    }

    /**
     * A feature serving {@code GET /<feature>} that also starts a thread named
     * {@code <feature>-worker} and never stops it: its class loader cannot be released.
     */
    public static Path leaking(Path jar, String feature) {
        String pkg = "test." + feature.replace('-', '_');
        String source = """
                package %1$s;

                import io.zerver.core.route.ZerverRoutes;
                import io.zerver.core.http.Response;
                import io.zerver.core.step.Decision;
                import io.zerver.core.step.Step;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                @Configuration(proxyBeanMethods = false)
                public class LeakingFeature {

                    @Bean
                    ZerverRoutes leakingRoutes() {
                        Thread worker = new Thread(() -> {
                            try {
                                Thread.sleep(Long.MAX_VALUE);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, "%2$s-worker");
                        worker.setDaemon(true);
                        worker.start();
                        return routes -> routes.get("/%2$s", r -> r.steps(Step.of("leak",
                                ctx -> Decision.done(Response.text(200, "leaking")))));
                    }
                }
                """.formatted(pkg, feature);
        return compile(jar, feature, "1", pkg + ".LeakingFeature", Map.of(pkg + ".LeakingFeature", source));
    }

    /**
     * A feature serving {@code GET /<feature>} that registers its own JDBC driver with
     * {@link java.sql.DriverManager} and never deregisters it.
     */
    public static Path registeringADriver(Path jar, String feature) {
        String pkg = "test." + feature.replace('-', '_');
        String driver = """
                package %1$s;

                import java.sql.Connection;
                import java.sql.Driver;
                import java.sql.DriverPropertyInfo;
                import java.util.Properties;
                import java.util.logging.Logger;

                public class FeatureDriver implements Driver {
                    public Connection connect(String url, Properties info) { return null; }
                    public boolean acceptsURL(String url) { return url.startsWith("jdbc:%2$s:"); }
                    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                    public int getMajorVersion() { return 1; }
                    public int getMinorVersion() { return 0; }
                    public boolean jdbcCompliant() { return false; }
                    public Logger getParentLogger() { return Logger.getGlobal(); }
                }
                """.formatted(pkg, feature);
        String configuration = """
                package %1$s;

                import io.zerver.core.route.ZerverRoutes;
                import io.zerver.core.http.Response;
                import io.zerver.core.step.Decision;
                import io.zerver.core.step.Step;
                import java.sql.DriverManager;
                import java.sql.SQLException;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                @Configuration(proxyBeanMethods = false)
                public class DriverFeature {

                    @Bean
                    ZerverRoutes driverRoutes() throws SQLException {
                        DriverManager.registerDriver(new FeatureDriver());
                        return routes -> routes.get("/%2$s", r -> r.steps(Step.of("driver",
                                ctx -> Decision.done(Response.text(200, "driver")))));
                    }
                }
                """.formatted(pkg, feature);
        return compile(jar, feature, "1", pkg + ".DriverFeature",
                Map.of(pkg + ".FeatureDriver", driver, pkg + ".DriverFeature", configuration));
    }
}
