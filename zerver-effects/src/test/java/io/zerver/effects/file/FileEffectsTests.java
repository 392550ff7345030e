package io.zerver.effects.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import reactor.core.publisher.Mono;

class FileEffectsTests {

    @TempDir
    Path temp;

    private Path base;
    private FileEffects files;
    private EffectHandlers handlers;

    @BeforeEach
    void start() {
        base = temp.resolve("base");
        files = FileEffects.create(FileEffectsConfig.defaults(base).withMaxFileSize(1024));
        handlers = files.registerOn(EffectHandlers.builder()).build();
    }

    @AfterEach
    void stop() {
        files.close();
    }

    @Test
    void createMakesTheBaseDirectory() {
        assertThat(base).isDirectory();
    }

    @Test
    void writeThenReadRoundTripsATree() {
        Map<String, Object> tree = Map.of("title", "milk", "done", false, "n", 3L,
                "tags", List.of("a", "b"), "none", Json.NULL);

        assertThat(perform(Effects.fileWrite("todos/1.json", tree)).block()).isEqualTo(Boolean.TRUE);

        assertThat(perform(Effects.fileRead("todos/1.json")).block()).isEqualTo(tree);
    }

    @Test
    void writeReplacesTheDocument() {
        perform(Effects.fileWrite("doc.json", Map.of("v", 1L))).block();
        perform(Effects.fileWrite("doc.json", Map.of("v", 2L))).block();

        assertThat(perform(Effects.fileRead("doc.json")).block()).isEqualTo(Map.of("v", 2L));
    }

    @Test
    void writeOfJsonTextStoresItAsIs() throws IOException {
        perform(Effects.fileWrite("raw.json", "{ \"a\" : [1, 2] }")).block();

        assertThat(Files.readString(base.resolve("raw.json"))).isEqualTo("{ \"a\" : [1, 2] }");
        assertThat(perform(Effects.fileRead("raw.json")).block()).isEqualTo(Map.of("a", List.of(1L, 2L)));
    }

    @Test
    void writeOfTextThatIsNotJsonIsInvalidInputAndWritesNothing() {
        assertFails(Effects.fileWrite("raw.json", "hello"), ErrorKind.INVALID_INPUT, "not_json");
        assertFails(Effects.fileWrite("raw.json", new Object()), ErrorKind.INVALID_INPUT, "not_json");

        assertThat(base).isEmptyDirectory();
    }

    @Test
    void writeOfTooDeepDocumentIsInvalidInput() {
        FileEffects shallow = FileEffects.create(FileEffectsConfig.defaults(base).withMaxJsonDepth(2));
        try {
            EffectHandlers h = shallow.registerOn(EffectHandlers.builder()).build();
            Effect deep = Effects.fileWrite("deep.json", List.of(List.of(List.of())));

            assertThatThrownBy(() -> perform(h, deep).block()).isInstanceOfSatisfying(ZerverException.class,
                    e -> assertThat(e.error()).isEqualTo(ZerverError.of(ErrorKind.INVALID_INPUT, "file", "too_deep")));
            assertThat(perform(h, Effects.fileWrite("ok.json", List.of(List.of()))).block()).isEqualTo(true);
        } finally {
            shallow.close();
        }
    }

    @Test
    void writeOfOversizedDocumentIsPayloadTooLarge() {
        assertFails(Effects.fileWrite("big.json", Map.of("s", "x".repeat(2000))), ErrorKind.PAYLOAD_TOO_LARGE,
                "too_large");

        assertThat(base).isEmptyDirectory();
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        for (int i = 0; i < 20; i++) {
            perform(Effects.fileWrite("a/b/doc.json", Map.of("i", (long) i))).block();
        }
        assertFails(Effects.fileWrite("a/b/doc.json", "not json"), ErrorKind.INVALID_INPUT, "not_json");

        try (Stream<Path> all = Files.walk(base)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(base.resolve("a/b/doc.json"));
        }
    }

    @Test
    void readOfMissingFileIsNotFoundNamingThePath() {
        assertFails(Effects.fileRead("nope/missing.json"), ErrorKind.NOT_FOUND, "nope/missing.json");
    }

    @Test
    void readOfMalformedStoredJsonIsInternal() throws IOException {
        Files.writeString(base.resolve("broken.json"), "{\"a\": ");

        assertFails(Effects.fileRead("broken.json"), ErrorKind.INTERNAL, "malformed_json");
    }

    @Test
    void readOfStoredTextThatIsNotUtf8IsInternal() throws IOException {
        Files.write(base.resolve("latin1.json"), "\"caf\u00e9\"".getBytes(StandardCharsets.ISO_8859_1));

        assertFails(Effects.fileRead("latin1.json"), ErrorKind.INTERNAL, "malformed_json");
    }

    @Test
    void readOfStoredJsonNestedTooDeepIsInternal() throws IOException {
        Files.writeString(base.resolve("deep.json"), "[".repeat(100) + "]".repeat(100));

        assertFails(Effects.fileRead("deep.json"), ErrorKind.INTERNAL, "malformed_json");
    }

    @Test
    void readOfOversizedFileIsRefused() throws IOException {
        Files.writeString(base.resolve("big.json"), "\"" + "x".repeat(2000) + "\"");

        assertFails(Effects.fileRead("big.json"), ErrorKind.INTERNAL, "too_large");
    }

    @Test
    void readOfADirectoryIsNotAFile() throws IOException {
        Files.createDirectories(base.resolve("dir"));

        assertFails(Effects.fileRead("dir"), ErrorKind.INVALID_INPUT, "not_a_file");
        assertFails(Effects.fileRead(""), ErrorKind.INVALID_INPUT, "not_a_file");
        assertFails(Effects.fileWrite("dir", Map.of()), ErrorKind.INVALID_INPUT, "not_a_file");
    }

    @Test
    void writeUnderAFileIsNotAFile() throws IOException {
        Files.writeString(base.resolve("plain.json"), "{}");

        assertFails(Effects.fileWrite("plain.json/child.json", Map.of()), ErrorKind.INVALID_INPUT, "not_a_file");
        assertFails(Effects.fileRead("plain.json/child.json"), ErrorKind.NOT_FOUND, "plain.json/child.json");
    }

    @Test
    void ioRunsOnTheFilePoolNotTheCallerThread() {
        String caller = Thread.currentThread().getName();

        String writer = perform(Effects.fileWrite("t.json", Map.of()))
                .map(ok -> Thread.currentThread().getName()).block();
        String reader = perform(Effects.fileRead("t.json"))
                .map(doc -> Thread.currentThread().getName()).block();

        assertThat(writer).startsWith("zerver-file").isNotEqualTo(caller);
        assertThat(reader).startsWith("zerver-file");
    }

    @Test
    void nothingHappensUntilSubscribed() {
        Mono<?> write = perform(Effects.fileWrite("lazy.json", Map.of()));

        assertThat(base.resolve("lazy.json")).doesNotExist();
        write.block();
        assertThat(base.resolve("lazy.json")).exists();
    }

    @Test
    void closedEffectsAreOverloaded() {
        files.close();

        assertFails(Effects.fileRead("any.json"), ErrorKind.OVERLOADED, "busy");
    }

    private Mono<?> perform(Effect effect) {
        return perform(handlers, effect);
    }

    static Mono<?> perform(EffectHandlers handlers, Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler for %s", effect.kind()).isNotNull();
        return handler.perform(effect, new EffectContext("test", 1, Duration.ofSeconds(5)));
    }

    private void assertFails(Effect effect, ErrorKind kind, String key) {
        assertThatThrownBy(() -> perform(effect).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ZerverException.class,
                        e -> assertThat(e.error()).isEqualTo(ZerverError.of(kind, "file", key)));
    }
}
