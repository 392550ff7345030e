package io.zerver.effects.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No effect path reaches outside the base directory: not lexically, not through a link. */
class PathConfinementTests {

    private static final ZerverError ESCAPES = ZerverError.of(ErrorKind.INVALID_INPUT, "file", "path_escapes_base");

    @TempDir
    Path temp;

    private Path base;
    private Path outside;
    private FileEffects files;
    private EffectHandlers handlers;

    @BeforeEach
    void start() throws IOException {
        base = temp.resolve("base");
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.json"), "{\"secret\":true}");
        files = FileEffects.create(FileEffectsConfig.defaults(base));
        handlers = files.registerOn(EffectHandlers.builder()).build();
        Files.createSymbolicLink(base.resolve("link"), outside);
        Files.createSymbolicLink(base.resolve("secret.json"), outside.resolve("secret.json"));
        Files.createSymbolicLink(base.resolve("dangling"), outside.resolve("not-yet"));
    }

    @AfterEach
    void stop() {
        files.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "a/../../b", "a/./../../b", "with\u0000nul", "..",
            "../outside/secret.json", "link/secret.json", "link/new.json", "link/sub/new.json", "secret.json",
            "dangling", "dangling/new.json"})
    void escapingPathIsRefusedAndNothingIsWrittenOutside(String path) throws IOException {
        List<Path> before = listing(temp);

        assertRefused(Effects.fileRead(path));
        assertRefused(Effects.fileWrite(path, Map.of("pwned", true)));

        assertThat(listing(temp)).isEqualTo(before);
        assertThat(Files.readString(outside.resolve("secret.json"))).isEqualTo("{\"secret\":true}");
    }

    @Test
    void dotSegmentsThatStayInsideAreAllowed() {
        FileEffectsTests.perform(handlers, Effects.fileWrite("a/../b/./c.json", Map.of("ok", true))).block();

        assertThat(base.resolve("b/c.json")).exists();
        assertThat(FileEffectsTests.perform(handlers, Effects.fileRead("b/c.json")).block())
                .isEqualTo(Map.of("ok", true));
    }

    @Test
    void linkThatStaysInsideIsFollowed() throws IOException {
        Files.createDirectories(base.resolve("v2"));
        Files.writeString(base.resolve("v2/doc.json"), "[1]");
        Files.createSymbolicLink(base.resolve("current"), base.resolve("v2"));

        assertThat(FileEffectsTests.perform(handlers, Effects.fileRead("current/doc.json")).block())
                .isEqualTo(List.of(1L));
    }

    private void assertRefused(Effect effect) {
        assertThatThrownBy(() -> FileEffectsTests.perform(handlers, effect).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ZerverException.class, e -> assertThat(e.error()).isEqualTo(ESCAPES));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.sorted().toList();
        }
    }
}
