package io.zerver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.ingest.http.IngestLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class IngestPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class);

    @Test
    void defaultsMatchTheSpec() {
        runner.run(context -> {
            IngestLimits limits = IngestConfiguration.limits(context.getBean(IngestProperties.class));
            assertThat(limits.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
            assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(limits.maxHeaderBytes()).isEqualTo(16 * 1024);
            assertThat(limits.maxHeaderCount()).isEqualTo(100);
            assertThat(limits.maxUriLength()).isEqualTo(4096);
            assertThat(context.getBean(IpcProperties.class).socket()).isEqualTo(Path.of("/tmp/zerver.sock"));
        });
    }

    @Test
    void bindsEveryLimit() {
        runner.withPropertyValues("zerver.ingest.max-body-size=2MB", "zerver.ingest.max-header-size=8KB",
                "zerver.ingest.max-header-count=20", "zerver.ingest.max-uri-length=512",
                "zerver.ingest.request-timeout=5s", "zerver.ingest.read-timeout=2s", "zerver.ingest.idle-timeout=9s",
                "zerver.ipc.socket=/run/zerver/link.sock").run(context -> {
                    IngestLimits limits = IngestConfiguration.limits(context.getBean(IngestProperties.class));
                    assertThat(limits).isEqualTo(new IngestLimits(2L * 1024 * 1024, 8 * 1024, 20, 512,
                            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(9)));
                    assertThat(context.getBean(IpcProperties.class).socket())
                            .isEqualTo(Path.of("/run/zerver/link.sock"));
                });
    }

    @Test
    void failsStartUpOnANegativeBodySizeNamingTheProperty() {
        assertStartUpFails("zerver.ingest.max-body-size=-1B", "zerver.ingest", "maxBodySize", "expected: 0B..");
    }

    @Test
    void failsStartUpOnAZeroRequestTimeout() {
        assertStartUpFails("zerver.ingest.request-timeout=0s", "zerver.ingest", "requestTimeout", "expected: > 0");
    }

    @Test
    void failsStartUpOnATinyHeaderLimit() {
        assertStartUpFails("zerver.ingest.max-header-size=10B", "zerver.ingest", "maxHeaderSize", "expected: 256B..1MB");
    }

    @Test
    void failsStartUpOnARelativeSocketPath() {
        assertStartUpFails("zerver.ipc.socket=zerver.sock", "zerver.ipc", "socket", "expected: an absolute path");
    }

    @Test
    void failsStartUpOnASocketPathTheKernelCannotBind() {
        assertStartUpFails("zerver.ipc.socket=/tmp/" + "s".repeat(120), "zerver.ipc", "socket",
                "expected: an absolute path of at most 107 bytes");
    }

    @Test
    void failsStartUpOnAHeaderLimitBeyondIntShowingTheProperty() {
        assertStartUpFails("zerver.ingest.max-header-size=4GB", "zerver.ingest", "maxHeaderSize",
                "4294967296B (expected: 256B..1MB)");
    }

    @Test
    void failsStartUpOnAnOverlongUriLimit() {
        assertStartUpFails("zerver.ingest.max-uri-length=2000000", "zerver.ingest", "maxUriLength",
                "2000000 (expected: 16..1048576)");
    }

    @Test
    void failsStartUpOnALinkPoolSizeOutOfRange() {
        assertStartUpFails("zerver.ipc.pool-size=65", "zerver.ipc", "poolSize", "65 (expected: 1..64)");
    }

    @Test
    void failsStartUpOnAFrameLimitBelow1KbOrBeyondTheLargestArray() {
        assertStartUpFails("zerver.ipc.max-frame-size=1000B", "zerver.ipc", "maxFrameSize",
                "1000B (expected: 1KB to 2147483639B)");
        assertStartUpFails("zerver.ipc.max-frame-size=4GB", "zerver.ipc", "maxFrameSize",
                "4294967296B (expected: 1KB to 2147483639B)");
    }

    private void assertStartUpFails(String property, String prefix, String field, String expected) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            String messages = messages(context.getStartupFailure());
            assertThat(messages).contains(prefix, field, expected);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ IngestProperties.class, IpcProperties.class })
    static class Bound {
    }
}
