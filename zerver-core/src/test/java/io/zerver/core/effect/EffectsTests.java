package io.zerver.core.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.zerver.core.http.Headers;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.slot.Slot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EffectsTests {

    private static final Slot<String> VALUE = Slot.of("value", String.class);
    private static final Slot<Boolean> DONE = Slot.of("done", Boolean.class);

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void builderAppliesTheFamilyDefaults(String kind, Effect effect, Duration timeout) {
        assertThat(effect.kind()).isEqualTo(kind);
        assertThat(effect.options()).isEqualTo(new EffectOptions(timeout, RetryPolicy.none(), true, null));
        assertThat(effect.required()).isTrue();
        assertThat(effect.slot()).isNull();
    }

    static Stream<Arguments> defaults() {
        Duration second = Duration.ofSeconds(1);
        return Stream.of(
                Arguments.of("db.get", Effects.dbGet("k"), second),
                Arguments.of("db.put", Effects.dbPut("k", "v"), second),
                Arguments.of("db.delete", Effects.dbDelete("k"), second),
                Arguments.of("db.scan", Effects.dbScan("k", 10), second),
                Arguments.of("cache.get", Effects.cacheGet("k"), Duration.ofMillis(100)),
                Arguments.of("cache.set", Effects.cacheSet("k", "v", Duration.ofMinutes(1)), Duration.ofMillis(100)),
                Arguments.of("cache.delete", Effects.cacheDelete("k"), Duration.ofMillis(100)),
                Arguments.of("http.get", Effects.httpGet("http://example.com/x"), Duration.ofSeconds(5)),
                Arguments.of("http.post", Effects.httpPost("http://example.com/x", "text/plain", "b"),
                        Duration.ofSeconds(5)),
                Arguments.of("file.read", Effects.fileRead("a.json"), second),
                Arguments.of("file.write", Effects.fileWrite("a.json", Map.of()), second),
                Arguments.of("compute", Effects.compute("hash", "input"), Duration.ofSeconds(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void isWriteOnlyForEffectsThatChangeState(String description, Effect effect, boolean write) {
        assertThat(effect.isWrite()).isEqualTo(write);
    }

    static Stream<Arguments> writes() {
        URI url = URI.create("http://example.com/x");
        byte[] none = new byte[0];
        return Stream.of(
                Arguments.of("db get", Effects.dbGet("k"), false),
                Arguments.of("db put", Effects.dbPut("k", "v"), true),
                Arguments.of("db delete", Effects.dbDelete("k"), true),
                Arguments.of("db scan", Effects.dbScan("k", 1), false),
                Arguments.of("file read", Effects.fileRead("a.json"), false),
                Arguments.of("file write", Effects.fileWrite("a.json", List.of()), true),
                Arguments.of("cache get", Effects.cacheGet("k"), false),
                Arguments.of("cache set", Effects.cacheSet("k", "v", Duration.ofSeconds(1)), false),
                Arguments.of("cache delete", Effects.cacheDelete("k"), false),
                Arguments.of("compute", Effects.compute("t", 1), false),
                Arguments.of("http GET", Effects.http("GET", url, Headers.empty(), none), false),
                Arguments.of("http HEAD", Effects.http("HEAD", url, Headers.empty(), none), false),
                Arguments.of("http OPTIONS", Effects.http("OPTIONS", url, Headers.empty(), none), false),
                Arguments.of("http POST", Effects.http("POST", url, Headers.empty(), none), true),
                Arguments.of("http PUT", Effects.http("PUT", url, Headers.empty(), none), true),
                Arguments.of("http PATCH", Effects.http("PATCH", url, Headers.empty(), none), true),
                Arguments.of("http DELETE", Effects.http("DELETE", url, Headers.empty(), none), true),
                Arguments.of("http lower-case get", Effects.http("get", url, Headers.empty(), none), false));
    }

    @Test
    void targetNamesWhatTheEffectTalksTo() {
        assertThat(Effects.dbGet("k").target()).isEqualTo("db");
        assertThat(Effects.dbScan("k", 1).target()).isEqualTo("db");
        assertThat(Effects.cacheSet("k", "v", Duration.ofSeconds(1)).target()).isEqualTo("cache");
        assertThat(Effects.fileWrite("a.json", Map.of()).target()).isEqualTo("file");
        assertThat(Effects.compute("resize", "img").target()).isEqualTo("resize");
        assertThat(Effects.httpGet("https://user@api.example.com:8443/v1?q=1").target()).isEqualTo("api.example.com");
    }

    @Test
    void httpMethodIsUpperCasedAndKindLowerCased() {
        HttpCall call = Effects.http("patch", URI.create("http://h/x"), Headers.empty(), new byte[0]);

        assertThat(call.method()).isEqualTo("PATCH");
        assertThat(call.kind()).isEqualTo("http.patch");
    }

    @Test
    void httpPostCarriesContentTypeAndUtf8Body() {
        HttpCall call = Effects.httpPost("http://h/x", "application/json", "{\"é\":1}");

        assertThat(call.headers().first("content-type")).hasValue("application/json");
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("{\"é\":1}");
        assertThat(call.url()).isEqualTo(URI.create("http://h/x"));
    }

    @Test
    void intoSetsTheSlotAndKeepsTheRest() {
        DbGet effect = Effects.dbGet("todo:1").withOptions(EffectOptions.defaults(Duration.ofMillis(200)));

        DbGet into = effect.into(VALUE);

        assertThat(into.slot()).isSameAs(VALUE);
        assertThat(into.key()).isEqualTo("todo:1");
        assertThat(into.options().timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(effect.slot()).isNull();
    }

    @Test
    void intoWorksForEveryEffect() {
        Slot<Object> json = Slot.of("json", Object.class);
        Slot<List<KeyValue>> entries = Slot.ofRaw("entries", List.class);
        Slot<HttpResult> response = Slot.of("response", HttpResult.class);
        Slot<Integer> size = Slot.of("size", Integer.class);

        assertThat(Effects.dbPut("k", "v").into(DONE).slot()).isSameAs(DONE);
        assertThat(Effects.dbDelete("k").into(DONE).slot()).isSameAs(DONE);
        assertThat(Effects.dbScan("k", 5).into(entries).slot()).isSameAs(entries);
        assertThat(Effects.httpGet("http://h/").into(response).slot()).isSameAs(response);
        assertThat(Effects.fileRead("a.json").into(json).slot()).isSameAs(json);
        assertThat(Effects.fileWrite("a.json", Map.of()).into(DONE).slot()).isSameAs(DONE);
        assertThat(Effects.cacheGet("k").into(VALUE).slot()).isSameAs(VALUE);
        assertThat(Effects.cacheSet("k", "v", Duration.ofSeconds(1)).into(DONE).slot()).isSameAs(DONE);
        assertThat(Effects.cacheDelete("k").into(DONE).slot()).isSameAs(DONE);
        Compute<Integer> compute = Effects.compute("len", "abc").into(size);
        assertThat(compute.slot()).isSameAs(size);
        assertThat(compute.task()).isEqualTo("len");
        assertThat(compute.input()).isEqualTo("abc");
    }

    @Test
    void intoRejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> Effects.dbGet("k").into(null)).withMessage("slot");
    }

    @Test
    void withersReturnCopiesKeepingOtherFields() {
        DbPut original = Effects.dbPut("k", "v").into(DONE);
        RetryPolicy retry = RetryPolicy.exponential(3, Duration.ofMillis(10));

        Effect changed = original.timeout(Duration.ofMillis(50)).retry(retry).optional().idempotencyKey("idem-1");

        assertThat(changed).isInstanceOfSatisfying(DbPut.class, put -> {
            assertThat(put.key()).isEqualTo("k");
            assertThat(put.value()).isEqualTo("v");
            assertThat(put.slot()).isSameAs(DONE);
            assertThat(put.options()).isEqualTo(new EffectOptions(Duration.ofMillis(50), retry, false, "idem-1"));
        });
        assertThat(original.options()).isEqualTo(EffectOptions.defaults(Duration.ofSeconds(1)));
        assertThat(changed.required(true).required()).isTrue();
    }

    @Test
    void withOptionsKeepsTheEffectType() {
        EffectOptions options = EffectOptions.defaults(Duration.ofSeconds(9));
        List<Effect> effects = List.of(Effects.dbGet("k"), Effects.dbPut("k", "v"), Effects.dbDelete("k"),
                Effects.dbScan("k", 1), Effects.httpGet("http://h/"), Effects.fileRead("f"),
                Effects.fileWrite("f", 1), Effects.cacheGet("k"), Effects.cacheSet("k", "v", Duration.ofSeconds(1)),
                Effects.cacheDelete("k"), Effects.compute("t", 1));

        for (Effect effect : effects) {
            Effect copy = effect.withOptions(options);
            assertThat(copy).isNotSameAs(effect).hasSameClassAs(effect);
            assertThat(copy.options()).isSameAs(options);
            assertThat(copy.kind()).isEqualTo(effect.kind());
            assertThat(copy.target()).isEqualTo(effect.target());
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void dbScanRejectsLimitBelowOne(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> Effects.dbScan("todo:", limit))
                .withMessage("limit: " + limit + " (expected: >= 1)");
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT-1S"})
    void cacheSetRejectsTtlThatIsNotPositive(Duration ttl) {
        assertThatIllegalArgumentException().isThrownBy(() -> Effects.cacheSet("k", "v", ttl))
                .withMessage("ttl: " + ttl + " (expected: > 0)");
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT-0.001S"})
    void timeoutMustBePositive(Duration timeout) {
        assertThatIllegalArgumentException().isThrownBy(() -> Effects.dbGet("k").timeout(timeout))
                .withMessage("timeout: " + timeout + " (expected: > 0)");
    }

    @Test
    void buildersRejectNullArgumentsNamingThem() {
        assertThatNullPointerException().isThrownBy(() -> Effects.dbGet(null)).withMessage("key");
        assertThatNullPointerException().isThrownBy(() -> Effects.dbPut("k", null)).withMessage("value");
        assertThatNullPointerException().isThrownBy(() -> Effects.dbScan(null, 1)).withMessage("prefix");
        assertThatNullPointerException().isThrownBy(() -> Effects.cacheSet("k", "v", null)).withMessage("ttl");
        assertThatNullPointerException().isThrownBy(() -> Effects.fileWrite("f", null)).withMessage("json");
        assertThatNullPointerException()
                .isThrownBy(() -> Effects.http("GET", URI.create("http://h"), null, new byte[0]))
                .withMessage("headers");
    }
}
