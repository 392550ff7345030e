package io.zerver.effects.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.json.Json;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader racing a writer sees one whole document or the next, never a part. */
class AtomicWriteTests {

    private static final int REWRITES = 200;

    @TempDir
    Path base;

    @Test
    void concurrentReaderNeverSeesAPartialDocument() throws Exception {
        try (FileEffects files = FileEffects.create(FileEffectsConfig.defaults(base))) {
            EffectHandlers handlers = files.registerOn(EffectHandlers.builder()).build();
            Path target = base.resolve("docs/large.json");
            FileEffectsTests.perform(handlers, Effects.fileWrite("docs/large.json", document(-1))).block();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<String> problems = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    try {
                        Object doc = Json.parse(Files.readString(target), 64);
                        Map<?, ?> map = (Map<?, ?>) doc;
                        if (((List<?>) map.get("items")).size() != 2000) {
                            problems.add("short document, version " + map.get("version"));
                        }
                        reads.incrementAndGet();
                    } catch (NoSuchFileException e) {
                        problems.add("the file was missing between two versions");
                    } catch (Exception e) {
                        problems.add(e.toString());
                    }
                }
            }, "racing-reader");
            reader.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() > 0);

            for (int version = 0; version < REWRITES; version++) {
                FileEffectsTests.perform(handlers, Effects.fileWrite("docs/large.json", document(version))).block();
            }
            writing.set(false);
            reader.join(10_000);

            assertThat(problems).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(((Map<?, ?>) Json.parse(Files.readString(target), 64)).get("version"))
                    .isEqualTo((long) REWRITES - 1);
            try (Stream<Path> all = Files.list(target.getParent())) {
                assertThat(all).containsExactly(target);
            }
        }
    }

    /** About 100 KB, so that a write takes several system calls. */
    private static Map<String, Object> document(int version) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            items.add(Map.of("id", (long) i, "text", "item " + i + " of version " + version + " padding padding"));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", (long) version);
        doc.put("items", items);
        return doc;
    }
}
