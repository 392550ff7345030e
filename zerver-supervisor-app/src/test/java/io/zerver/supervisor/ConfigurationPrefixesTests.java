package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.autoconfigure.observation.ZerverTracingProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The supervisor binds each {@code zerver.*} prefix with one class, none nested in another's
 * (no class takes the whole {@code zerver} namespace), and with tracing off the link handler
 * still reads {@code zerver.tracing.*} from its one properties class.
 */
@SpringBootTest(properties = { "management.server.port=0", "zerver.tracing.enabled=false",
    "zerver.features.watch=false" })
class ConfigurationPrefixesTests {

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("supervisor-prefixes");
        Path features = Files.createDirectories(root.resolve("features"));
        registry.add("zerver.features.dir", features::toString);
        registry.add("zerver.data.dir", () -> root.resolve("data").toString());
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "zp").resolve("link.sock");
        socket.getParent().toFile().deleteOnExit();
        registry.add("zerver.ipc.socket", socket::toString);
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void eachZerverPrefixIsBoundByOneClassAndNoneIsNestedInAnother() {
        Map<String, List<Class<?>>> byPrefix = new TreeMap<>();
        ConfigurationPropertiesBean.getAll(context).values().stream()
                .filter(bean -> bean.getAnnotation().prefix().startsWith("zerver"))
                .forEach(bean -> byPrefix.computeIfAbsent(bean.getAnnotation().prefix(), p -> new ArrayList<>())
                        .add(bean.getInstance().getClass()));

        assertThat(byPrefix).containsKeys("zerver.ipc", "zerver.features", "zerver.engine", "zerver.tracing")
                .doesNotContainKey("zerver");
        assertThat(byPrefix.get("zerver.ipc")).containsExactly(IpcProperties.class);
        byPrefix.forEach((prefix, types) -> assertThat(types).as(prefix).hasSize(1));
        for (String outer : byPrefix.keySet()) {
            assertThat(byPrefix.keySet()).as("prefixes inside " + outer).noneMatch(p -> p.startsWith(outer + "."));
        }
    }

    @Test
    void tracingPropertiesAreBoundWhenTracingIsOff() {
        assertThat(context.getBean(ZerverTracingProperties.class).enabled()).isFalse();
    }
}
