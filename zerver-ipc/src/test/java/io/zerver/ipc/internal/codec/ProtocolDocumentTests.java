package io.zerver.ipc.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.ipc.Drain;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Frame;
import io.zerver.ipc.Header;
import io.zerver.ipc.Hello;
import io.zerver.ipc.Ping;
import io.zerver.ipc.Pong;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test vectors in {@code docs/ipc-protocol.md}, checked both ways against the codec. */
class ProtocolDocumentTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "ipc-protocol.md");

    private static final Pattern VECTOR = Pattern.compile(
            "^### Vector `([a-z-]+)`\\n.*?^```hex\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);

    private static final Map<String, Frame> FRAMES = Map.of(
            "hello", new Hello(2, 16 * 1024 * 1024),
            "request", new RequestFrame(7, "POST", "/todos?x=1", List.of(new Header("content-type", "application/json")),
                    "{\"t\":\"é\"}".getBytes(StandardCharsets.UTF_8), ipv4(127, 0, 0, 1, 51234),
                    Instant.ofEpochMilli(1_700_000_000_000L), Instant.ofEpochMilli(1_700_000_000_250L)),
            "response", new ResponseFrame(7, 201, List.of(new Header("location", "/todos/1")),
                    "{}".getBytes(StandardCharsets.UTF_8), 1500),
            "error", new ErrorFrame(9, ErrorCode.ROUTE_NOT_FOUND, "no route"),
            "protocol-error", new ErrorFrame(0, ErrorCode.PROTOCOL, "bad"),
            "ping", new Ping(0x0102030405060708L),
            "pong", new Pong(0x0102030405060708L),
            "drain", new Drain());

    private static Map<String, byte[]> vectors = Map.of();

    @BeforeAll
    static void readDocument() throws IOException {
        String text = Files.readString(DOCUMENT);
        Map<String, byte[]> found = new LinkedHashMap<>();
        Matcher m = VECTOR.matcher(text);
        while (m.find()) {
            found.put(m.group(1), HexFormat.of().parseHex(m.group(2).replaceAll("\\s+", "")));
        }
        vectors = found;
    }

    @Test
    void theHelloVectorSpeaksTheCurrentVersion() {
        assertThat(((Hello) FRAMES.get("hello")).version()).isEqualTo(Hello.CURRENT_VERSION);
    }

    @Test
    void documentHasAVectorForEveryFrameTypeAndNoOther() {
        assertThat(vectors.keySet()).containsExactlyInAnyOrderElementsOf(FRAMES.keySet());
    }

    @Test
    void encodingEachFrameGivesItsVector() {
        FRAMES.forEach((name, frame) -> assertThat(HexFormat.of().formatHex(FrameCodec.encode(frame)))
                .as(name).isEqualTo(HexFormat.of().formatHex(vectors.get(name))));
    }

    @Test
    void decodingEachVectorGivesItsFrame() {
        FRAMES.forEach((name, frame) -> assertThat(FrameCodec.decode(vectors.get(name), FrameCodec.DEFAULT_MAX_FRAME_BYTES))
                .as(name).isEqualTo(frame));
    }

    private static InetSocketAddress ipv4(int a, int b, int c, int d, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}),
                    port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
