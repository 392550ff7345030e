package io.zerver.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.core.config.InvalidValueException;
import io.zerver.ipc.client.LinkClientOptions;
import io.zerver.ipc.server.LinkServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The two ends' options refuse a value out of range as every Zerver configuration type does, naming it. */
class LinkOptionsTests {

    private static final LinkClientOptions CLIENT = LinkClientOptions.of(Path.of("/tmp/zerver.sock"));

    @Test
    void clientRefusesAPoolSizeOutOfRange() {
        assertThatThrownBy(() -> CLIENT.withPoolSize(65)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e).hasMessage("poolSize: 65 (expected: 1..64)")
                        .extracting(InvalidValueException::name).isEqualTo("poolSize"));
    }

    @Test
    void bothEndsRefuseAFrameLimitBelow1KbOrAboveTheLargestArray() {
        assertThatThrownBy(() -> CLIENT.withMaxFrameBytes(1023)).isInstanceOf(InvalidValueException.class)
                .hasMessage("maxFrameBytes: 1023 (expected: >= 1024)");
        assertThatThrownBy(() -> CLIENT.withMaxFrameBytes(Integer.MAX_VALUE)).isInstanceOf(InvalidValueException.class)
                .hasMessage("maxFrameBytes: 2147483647 (expected: <= 2147483639)");
        assertThatThrownBy(() -> LinkServerOptions.defaults().withMaxFrameBytes(1023))
                .isInstanceOf(InvalidValueException.class).hasMessage("maxFrameBytes: 1023 (expected: >= 1024)");
        assertThatThrownBy(() -> LinkServerOptions.defaults().withMaxFrameBytes(Integer.MAX_VALUE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("maxFrameBytes: 2147483647 (expected: <= 2147483639)");
        assertThat(CLIENT.withMaxFrameBytes(Integer.MAX_VALUE - 8).maxFrameBytes()).isEqualTo(Integer.MAX_VALUE - 8);
    }

    @Test
    void timeoutsAndBackoffsMustBePositiveAndOrdered() {
        assertThatThrownBy(() -> CLIENT.withConnectTimeout(Duration.ZERO)).isInstanceOf(InvalidValueException.class)
                .hasMessage("connectTimeout: PT0S (expected: > 0)");
        assertThatThrownBy(() -> CLIENT.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("maxBackoff: PT1S (expected: >= minBackoff PT2S)");
        assertThatThrownBy(() -> LinkServerOptions.defaults().withHandshakeTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class).hasMessage("handshakeTimeout: PT-1S (expected: > 0)");
    }
}
