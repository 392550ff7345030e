package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The supervisor's properties refuse, when they are bound, a socket path it could not bind later, naming it. */
class IpcPropertiesTests {

    private static IpcProperties bind(String socket) {
        return new Binder(new MapConfigurationPropertySource(Map.of("zerver.ipc.socket", socket)))
                .bindOrCreate("zerver.ipc", IpcProperties.class);
    }

    @Test
    void acceptsASocketPathItCanBind() {
        assertThat(bind("/run/zerver/link.sock").socket()).isEqualTo(Path.of("/run/zerver/link.sock"));
    }

    @Test
    void refusesASocketPathLongerThanTheKernelTakesNamingTheProperty() {
        assertThatThrownBy(() -> bind("/tmp/" + "s".repeat(120))).isInstanceOf(BindException.class)
                .hasMessageContaining("zerver.ipc")
                .rootCause().hasMessageStartingWith("socket: /tmp/sss").hasMessageContaining("longer than 107 bytes");
    }

    @Test
    void refusesASocketInADirectoryTooDeepForItsTemporaryName() {
        String deep = "/" + "d".repeat(99) + "/s.sock";

        assertThatThrownBy(() -> bind(deep)).isInstanceOf(BindException.class)
                .hasMessageContaining("zerver.ipc")
                .rootCause().hasMessageStartingWith("socket: " + deep).hasMessageContaining("directory is too deep");
    }
}
