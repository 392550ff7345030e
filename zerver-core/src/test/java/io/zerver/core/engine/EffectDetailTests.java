package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effects;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EffectDetailTests {

    @Test
    void namesTheKeyPathOrUrlEachEffectTouches() {
        assertThat(EffectDetail.of(Effects.dbGet("todo:1"))).isEqualTo("todo:1");
        assertThat(EffectDetail.of(Effects.dbScan("todo:", 10))).isEqualTo("todo:");
        assertThat(EffectDetail.of(Effects.cacheSet("k", "v", Duration.ofSeconds(1)))).isEqualTo("k");
        assertThat(EffectDetail.of(Effects.fileRead("a/b.json"))).isEqualTo("a/b.json");
        assertThat(EffectDetail.of(Effects.httpGet("http://example.test:8080/x?y=1"))).isEqualTo(
                "http://example.test:8080/x?y=1");
        assertThat(EffectDetail.of(Effects.compute("resize", "img"))).isNull();
    }

    @Test
    void leavesCredentialsOutOfAUrl() {
        assertThat(EffectDetail.url(URI.create("https://ann:secret@example.test/a%20b?q=1#frag")))
                .isEqualTo("https://example.test/a%20b?q=1");
    }
}
