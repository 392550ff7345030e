package io.zerver.ipc.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Frame;
import io.zerver.ipc.Header;
import io.zerver.ipc.Hello;
import io.zerver.ipc.LinkProtocolException;
import io.zerver.ipc.Ping;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTests {

    private static final int MAX = 4096;

    @Test
    void rejectsALengthOverTheLimitFromTheLengthFieldAlone() {
        List<Object> out = feed(MAX, hex("00 00 10 01"));

        assertThat(out).singleElement().isInstanceOfSatisfying(LinkProtocolException.class,
                e -> assertThat(e).hasMessage("frame length 4097 exceeds the limit of 4096"));
    }

    @Test
    void rejectsALengthClaimingFourGibibytesWithoutWaitingForIt() {
        List<Object> out = feed(FrameCodec.DEFAULT_MAX_FRAME_BYTES, hex("ff ff ff ff 02 00"));

        assertThat(out).singleElement().isInstanceOfSatisfying(LinkProtocolException.class,
                e -> assertThat(e).hasMessageContaining("4294967295 exceeds the limit of 16777216"));
    }

    @Test
    void rejectsALengthOfZero() {
        assertThat(single(hex("00 00 00 00"))).hasMessageContaining("length 0");
    }

    @Test
    void rejectsAnUnknownType() {
        assertThat(single(hex("00 00 00 01 7f"))).hasMessage("unknown frame type 0x7f");
    }

    @Test
    void rejectsALengthTooShortForTheType() {
        assertThat(single(hex("00 00 00 05 05 00 00 00 01"))).hasMessage("ping: nonce needs 8 bytes, 4 left");
    }

    @Test
    void rejectsBytesAfterTheLastField() {
        assertThat(single(hex("00 00 00 0a 05 00 00 00 00 00 00 00 01 ff")))
                .hasMessage("ping: 1 bytes after the last field");
    }

    @Test
    void rejectsAStringLengthBeyondTheFrame() {
        // error id 1, code 4, message length 100 but only 2 bytes follow
        assertThat(single(hex("00 00 00 10 04 00 00 00 00 00 00 00 01 04 00 00 00 64 6f 6b")))
                .hasMessage("error: message needs 100 bytes, 2 left");
    }

    @Test
    void rejectsAHeaderCountBeyondTheFrameBeforeAllocatingForIt() {
        // response id 1, status 200, 65535 headers, nothing else
        assertThat(single(hex("00 00 00 0d 03 00 00 00 00 00 00 00 01 00 c8 ff ff")))
                .hasMessage("response: 65535 headers cannot fit in the 0 bytes left");
    }

    @Test
    void rejectsInvalidUtf8InsteadOfReplacingIt() {
        // error id 1, code 4, message "\xc3\x28" (a broken two-byte sequence)
        assertThat(single(hex("00 00 00 10 04 00 00 00 00 00 00 00 01 04 00 00 00 02 c3 28")))
                .hasMessage("error: message is not valid UTF-8");
    }

    @Test
    void rejectsAStatusOutOfRange() {
        ResponseFrame ok = new ResponseFrame(1, 200, List.of(), new byte[0], 0);
        byte[] bytes = FrameCodec.encode(ok);
        bytes[13] = 0;
        bytes[14] = 99;

        assertThat(single(bytes)).hasMessageContaining("status: 99");
    }

    @Test
    void rejectsAHelloWithTheWrongMagic() {
        assertThat(single(hex("00 00 00 0b 01 48 54 54 50 00 01 01 00 00 00")))
                .hasMessageContaining("magic 0x48545450");
    }

    @Test
    void readsAHelloOfALaterVersionWithMoreFields() {
        List<Object> out = feed(MAX, hex("00 00 00 0d 01 5a 52 56 52 00 03 01 00 00 00 ab cd"));

        assertThat(out).containsExactly(new Hello(3, 16 * 1024 * 1024));
    }

    @Test
    void readsAnUnknownErrorCodeAsInternal() {
        assertThat(FrameCodec.decode(hex("00 00 00 0e 04 00 00 00 00 00 00 00 01 63 00 00 00 00"), MAX))
                .isEqualTo(new ErrorFrame(1, ErrorCode.INTERNAL, ""));
    }

    @Test
    void reportsInputEndingInsideAFrameWhenTheChannelCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        channel.writeInbound(Unpooled.wrappedBuffer(hex("00 00 00 09 05 01 02")));

        channel.finish();

        assertThat(drain(channel)).singleElement().isInstanceOfSatisfying(LinkProtocolException.class,
                e -> assertThat(e).hasMessage("input ended inside a frame, 7 bytes into it"));
    }

    @Test
    void ignoresEverythingAfterTheFirstMalformedFrame() {
        byte[] ping = FrameCodec.encode(new Ping(1));
        List<Object> out = feed(MAX, concat(hex("00 00 00 01 7f"), ping, ping));

        assertThat(out).singleElement().isInstanceOf(LinkProtocolException.class);
    }

    @Test
    void decodesFramesArrivingInOneBuffer() {
        byte[] a = FrameCodec.encode(new Ping(1));
        byte[] b = FrameCodec.encode(new ErrorFrame(2, ErrorCode.TIMEOUT, "late"));

        assertThat(feed(MAX, concat(a, b))).containsExactly(new Ping(1), new ErrorFrame(2, ErrorCode.TIMEOUT, "late"));
    }

    @Test
    void keepsNonAsciiTextIntact() {
        RequestFrame request = new RequestFrame(3, "GET", "/caf\u00e9/\uD83D\uDE00", List.of(new Header("x-name", "Zo\u00eb")),
                new byte[] {1, 2}, null, Instant.ofEpochMilli(1), Instant.ofEpochMilli(2));

        assertThat(FrameCodec.decode(FrameCodec.encode(request), MAX)).isEqualTo(request);
    }

    @Test
    void refusesToEncodeALoneSurrogate() {
        RequestFrame request = new RequestFrame(3, "GET", "/\uD83D", List.of(), new byte[0], null, Instant.ofEpochMilli(1),
                Instant.ofEpochMilli(2));

        assertThatThrownBy(() -> FrameCodec.encode(request)).isInstanceOf(LinkProtocolException.class)
                .hasMessage("target holds a lone surrogate at index 1");
    }

    @Test
    void refusesToEncodeAFrameOverThePeersLimitWithoutAllocating() {
        ResponseFrame big = new ResponseFrame(1, 200, List.of(), new byte[MAX], 0);
        CountingAllocator allocator = new CountingAllocator();

        assertThatThrownBy(() -> FrameCodec.encode(big, allocator, MAX)).isInstanceOf(LinkProtocolException.class)
                .hasMessage("response frame of 4121 bytes exceeds the peer's limit of 4096");
        assertThat(allocator.largest()).isZero();
    }

    @Test
    void encodesAFrameOfExactlyTheLimit() {
        long overhead = FrameCodec.frameLength(new ResponseFrame(1, 200, List.of(), new byte[0], 0));
        ResponseFrame exact = new ResponseFrame(1, 200, List.of(), new byte[MAX - (int) overhead], 0);

        ByteBuf buf = FrameCodec.encode(exact, new CountingAllocator(), MAX);
        try {
            assertThat(buf.readableBytes()).isEqualTo(FrameCodec.LENGTH_FIELD_BYTES + MAX);
        } finally {
            buf.release();
        }
    }

    private static LinkProtocolException single(byte[] bytes) {
        List<Object> out = feed(MAX, bytes);
        assertThat(out).singleElement().isInstanceOf(LinkProtocolException.class);
        assertThatThrownBy(() -> FrameCodec.decode(bytes, MAX)).isInstanceOf(LinkProtocolException.class);
        return (LinkProtocolException) out.get(0);
    }

    static List<Object> feed(int max, byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(max));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        List<Object> out = drain(channel);
        channel.finishAndReleaseAll();
        return out;
    }

    static List<Object> drain(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            out.add(o);
        }
        return out;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static Frame decode(byte[] bytes) {
        return FrameCodec.decode(bytes, MAX);
    }
}
