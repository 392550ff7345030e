package io.zerver.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Where the link to the supervisor is (SPEC §6.1, §10). Read by the link transport's client bean. */
@ConfigurationProperties("zerver.ipc")
public class IpcProperties implements Validator {

    /** Longest socket path the kernel takes ({@code sun_path} is 108 bytes with its terminator). */
    static final int MAX_SOCKET_PATH_BYTES = 107;

    /** The Unix domain socket the supervisor listens on. */
    private Path socket = Path.of("/tmp/zerver.sock");

    @Override
    public boolean supports(Class<?> type) {
        return IpcProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        Path path = ((IpcProperties) target).socket;
        if (!path.isAbsolute()) {
            errors.rejectValue("socket", "absolute", path + " (expected: an absolute path)");
        } else if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            errors.rejectValue("socket", "length",
                    path + " (expected: at most " + MAX_SOCKET_PATH_BYTES + " bytes, the kernel's limit)");
        }
    }

    public Path getSocket() {
        return socket;
    }

    public void setSocket(Path socket) {
        this.socket = socket;
    }
}
