package io.zerver.ipc.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.zerver.ipc.Drain;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Frame;
import io.zerver.ipc.Header;
import io.zerver.ipc.Hello;
import io.zerver.ipc.LinkProtocolException;
import io.zerver.ipc.Ping;
import io.zerver.ipc.Pong;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameCodecProperties {

    private static final int MAX = 64 * 1024;

    @Property
    void decodingAnEncodedFrameGivesItBack(@ForAll("frames") Frame frame) {
        byte[] bytes = FrameCodec.encode(frame);

        assertThat(bytes.length).isEqualTo(FrameCodec.LENGTH_FIELD_BYTES + FrameCodec.frameLength(frame));
        assertThat(FrameCodec.decode(bytes, MAX)).isEqualTo(frame);
    }

    @Property
    void splittingTheStreamAnywhereYieldsTheSameFrames(@ForAll("frameLists") List<Frame> frames,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 100_000) Integer> cuts) {
        byte[] stream = encodeAll(frames);

        List<Object> out = feedInPieces(MAX, stream, cuts);

        assertThat(out).containsExactlyElementsOf(frames);
    }

    @Property
    void garbageEndsInAtMostOneProtocolErrorAndNeverThrows(@ForAll @Size(max = 600) byte[] garbage,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 600) Integer> cuts) {
        assertCleanOutcome(feedInPieces(1024, garbage, cuts));
        assertDecodesOrFailsCleanly(garbage);
    }

    @Property
    void garbageAfterAPlausibleHeaderNeverThrows(@ForAll @IntRange(min = 0, max = 7) int type,
            @ForAll @Size(max = 300) byte[] payload) {
        byte[] bytes = new byte[5 + payload.length];
        ByteBuffer.wrap(bytes).putInt(1 + payload.length).put((byte) type).put(payload);

        assertCleanOutcome(FrameCodecTests.feed(1024, bytes));
        assertDecodesOrFailsCleanly(bytes);
    }

    @Property
    void bitFlipsNeverThrow(@ForAll("someFrames") List<Frame> frames,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1_000_000) Integer> flips) {
        byte[] stream = encodeAll(frames);
        for (int flip : flips) {
            int bit = flip % (stream.length * 8);
            stream[bit / 8] ^= (byte) (1 << (bit % 8));
        }

        assertCleanOutcome(feedInPieces(MAX, stream, List.of()));
    }

    @Property
    void aStreamCutShortEndsInAProtocolErrorUnlessCutBetweenFrames(
            @ForAll("someFrames") List<Frame> frames,
            @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        byte[] stream = encodeAll(frames);
        int keep = cut % stream.length;
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(stream, keep)));
        channel.finish();

        List<Object> out = FrameCodecTests.drain(channel);

        int whole = wholeFramesIn(frames, keep);
        assertThat(out.subList(0, whole)).containsExactlyElementsOf(frames.subList(0, whole));
        boolean atBoundary = encodeAll(frames.subList(0, whole)).length == keep;
        assertThat(out).hasSize(atBoundary ? whole : whole + 1);
        if (!atBoundary) {
            assertThat(out.get(whole)).isInstanceOf(LinkProtocolException.class);
        }
    }

    @Property(tries = 200)
    void decodingAllocatesNoMoreThanTheLimitAllows(@ForAll @IntRange(min = 0, max = 7) int type,
            @ForAll long declaredLength, @ForAll @Size(max = 64) byte[] payload) {
        byte[] bytes = new byte[5 + payload.length];
        ByteBuffer.wrap(bytes).putInt((int) declaredLength).put((byte) type).put(payload);
        int max = 1024;
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(max));
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.finish();

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertCleanOutcome(FrameCodecTests.drain(channel));
        assertThat(allocated).isLessThan(64 * 1024L);
    }

    @Property
    void textIsAcceptedExactlyWhenItIsWellFormedUtf8(@ForAll @Size(max = 12) byte[] text) {
        byte[] frame = new byte[5 + 8 + 1 + 4 + text.length];
        ByteBuffer.wrap(frame).putInt(frame.length - 4).put((byte) 0x04).putLong(1).put((byte) 4).putInt(text.length)
                .put(text);

        List<Object> out = FrameCodecTests.feed(MAX, frame);

        String strict = strictUtf8(text);
        if (strict == null) {
            assertThat(out).singleElement().isInstanceOf(LinkProtocolException.class);
        } else {
            assertThat(out).containsExactly(new ErrorFrame(1, ErrorCode.INTERNAL, strict));
            assertThat(FrameCodec.encode(new ErrorFrame(1, ErrorCode.INTERNAL, strict))).isEqualTo(frame);
        }
    }

    @Provide
    Arbitrary<Frame> frames() {
        Arbitrary<List<Header>> headers = Combinators.combine(text(), text()).as(Header::new).list().ofMaxSize(5);
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<Instant> instants = Arbitraries.longs().map(Instant::ofEpochMilli);
        Arbitrary<Frame> requests = Combinators.combine(Arbitraries.longs(), text(), text(), headers, bodies,
                addresses(), instants, instants).as(RequestFrame::new);
        Arbitrary<Frame> responses = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(100, 599),
                headers, bodies, Arbitraries.longs()).as(ResponseFrame::new);
        Arbitrary<Frame> errors = Combinators.combine(Arbitraries.longs(), Arbitraries.of(ErrorCode.class), text())
                .as(ErrorFrame::new);
        Arbitrary<Frame> hellos = Combinators.combine(Arbitraries.integers().between(1, 0xFFFF),
                Arbitraries.integers().between(1024, Integer.MAX_VALUE)).as(Hello::new);
        return Arbitraries.oneOf(requests, responses, errors, hellos,
                Arbitraries.longs().map(Ping::new), Arbitraries.longs().map(Pong::new), Arbitraries.just(new Drain()));
    }

    @Provide
    Arbitrary<List<Frame>> frameLists() {
        return frames().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Frame>> someFrames() {
        return frames().list().ofMinSize(1).ofMaxSize(4);
    }

    /** IPv4 and IPv6 addresses with any port, and no address at all. */
    private static Arbitrary<InetSocketAddress> addresses() {
        Arbitrary<byte[]> ips = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16));
        return Combinators.combine(ips, Arbitraries.integers().between(0, 0xFFFF))
                .as((ip, port) -> new InetSocketAddress(ipAddress(ip), port)).injectNull(0.2);
    }

    private static InetAddress ipAddress(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Well-formed text: ASCII, any BMP character but surrogates, and pairs beyond the BMP. */
    private static Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7F),
                Arbitraries.integers().between(0x80, 0xD7FF), Arbitraries.integers().between(0xE000, 0x10FFFF));
        return codePoints.list().ofMaxSize(12)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    private static void assertCleanOutcome(List<Object> out) {
        for (int i = 0; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof LinkProtocolException) {
                assertThat(i).as("a protocol error is the last thing the decoder emits").isEqualTo(out.size() - 1);
            } else {
                assertThat(o).isInstanceOf(Frame.class);
            }
        }
    }

    private static void assertDecodesOrFailsCleanly(byte[] bytes) {
        try {
            FrameCodec.decode(bytes, 1024);
        } catch (LinkProtocolException expected) {
            // the only failure allowed
        }
    }

    private static List<Object> feedInPieces(int max, byte[] stream, List<Integer> cuts) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(max));
        TreeSet<Integer> at = new TreeSet<>();
        for (int cut : cuts) {
            at.add(stream.length == 0 ? 0 : cut % stream.length);
        }
        at.add(stream.length);
        int from = 0;
        for (int to : at) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, from, to - from));
            from = to;
        }
        List<Object> out = FrameCodecTests.drain(channel);
        channel.finishAndReleaseAll();
        return out;
    }

    private static byte[] encodeAll(List<Frame> frames) {
        List<byte[]> parts = new ArrayList<>();
        for (Frame frame : frames) {
            parts.add(FrameCodec.encode(frame));
        }
        return FrameCodecTests.concat(parts.toArray(byte[][]::new));
    }

    private static int wholeFramesIn(List<Frame> frames, int bytes) {
        int used = 0;
        for (int i = 0; i < frames.size(); i++) {
            used += FrameCodec.encode(frames.get(i)).length;
            if (used > bytes) {
                return i;
            }
        }
        return frames.size();
    }

    private static @org.jspecify.annotations.Nullable String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
