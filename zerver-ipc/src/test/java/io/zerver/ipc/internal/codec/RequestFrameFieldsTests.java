package io.zerver.ipc.internal.codec;

import static io.zerver.ipc.internal.codec.FrameCodecTests.concat;
import static io.zerver.ipc.internal.codec.FrameCodecTests.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerver.ipc.LinkProtocolException;
import io.zerver.ipc.RequestFrame;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The typed facts a request frame carries: the client's address and its arrival and deadline. */
class RequestFrameFieldsTests {

    private static final int MAX = 4096;
    private static final Instant ARRIVAL = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final Instant DEADLINE = ARRIVAL.plusMillis(250);
    /** Where the address field starts in {@link #request}'s bytes: length, type, id, "GET", "/", headers, body. */
    private static final int ADDRESS_AT = 4 + 1 + 8 + (2 + 3) + (4 + 1) + 2 + 4;

    @Test
    void anIpv4AddressCrossesAsFamilyFourBytesAndPort() throws Exception {
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("192.168.1.20"), 51234);

        byte[] bytes = FrameCodec.encode(request(client));

        assertThat(addressField(bytes, 1 + 4 + 2)).isEqualTo("04c0a80114c822");
        RequestFrame decoded = (RequestFrame) FrameCodec.decode(bytes, MAX);
        assertThat(decoded.clientAddress()).isEqualTo(client);
        assertThat(decoded.clientAddress().getAddress()).isInstanceOf(Inet4Address.class);
        assertThat(decoded.clientAddress().getPort()).isEqualTo(51234);
    }

    @Test
    void anIpv6AddressCrossesAsFamilySixSixteenBytesAndPort() throws Exception {
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 443);

        byte[] bytes = FrameCodec.encode(request(client));

        assertThat(addressField(bytes, 1 + 16 + 2)).isEqualTo("06" + "20010db8000000000000000000000001" + "01bb");
        RequestFrame decoded = (RequestFrame) FrameCodec.decode(bytes, MAX);
        assertThat(decoded.clientAddress()).isEqualTo(client);
        assertThat(decoded.clientAddress().getAddress()).isInstanceOf(Inet6Address.class);
    }

    @Test
    void anUnknownAddressCrossesAsFamilyZeroAlone() {
        byte[] bytes = FrameCodec.encode(request(null));

        assertThat(addressField(bytes, 1)).isEqualTo("00");
        assertThat(((RequestFrame) FrameCodec.decode(bytes, MAX)).clientAddress()).isNull();
    }

    @Test
    void theDecodedAddressIsResolvedWithoutALookup() throws Exception {
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000);

        RequestFrame decoded = (RequestFrame) FrameCodec.decode(FrameCodec.encode(request(client)), MAX);

        assertThat(decoded.clientAddress().isUnresolved()).isFalse();
        assertThat(decoded.clientAddress().getHostString()).isEqualTo("127.0.0.1");
    }

    @Test
    void arrivalAndDeadlineCrossAsEpochMilliseconds() {
        RequestFrame decoded = (RequestFrame) FrameCodec.decode(FrameCodec.encode(request(null)), MAX);

        assertThat(decoded.arrival()).isEqualTo(ARRIVAL);
        assertThat(decoded.deadline()).isEqualTo(DEADLINE);
    }

    @Test
    void anUnknownAddressFamilyIsMalformed() {
        byte[] bytes = withAddressField(hex("05 7f 00 00 01 13 88"));

        assertThatThrownBy(() -> FrameCodec.decode(bytes, MAX)).isInstanceOf(LinkProtocolException.class)
                .hasMessage("request: client address family 5 (expected: 0, 4 or 6)");
        assertThat(FrameCodecTests.feed(MAX, bytes)).singleElement().isInstanceOf(LinkProtocolException.class);
    }

    @Test
    void anAddressCutShortIsMalformed() {
        // family 6 but only 4 address bytes and no port before the arrival and deadline
        byte[] bytes = withAddressField(hex("06 7f 00 00 01"), new byte[0]);

        assertThatThrownBy(() -> FrameCodec.decode(bytes, MAX)).isInstanceOf(LinkProtocolException.class)
                .hasMessage("request: client address needs 18 bytes, 4 left");
    }

    @Test
    void aMissingPortIsMalformed() {
        // family 4, four address bytes, then the frame ends
        byte[] bytes = withAddressField(hex("04 7f 00 00 01"), new byte[0]);

        assertThatThrownBy(() -> FrameCodec.decode(bytes, MAX)).isInstanceOf(LinkProtocolException.class)
                .hasMessage("request: client address needs 6 bytes, 4 left");
    }

    @Test
    void aRequestFrameRefusesAnAddressThatIsOnlyAName() {
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("client.example", 80);

        assertThatThrownBy(() -> request(unresolved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientAddress: client.example/<unresolved>:80 (expected: an IP address)");
    }

    @Test
    void aRequestFrameKeepsItsInstantsToTheMillisecondTheWireCarries() {
        RequestFrame frame = new RequestFrame(1, "GET", "/", List.of(), new byte[0], null,
                ARRIVAL.plusNanos(999_999), DEADLINE.plusNanos(1));

        assertThat(frame.arrival()).isEqualTo(ARRIVAL);
        assertThat(frame.deadline()).isEqualTo(DEADLINE);
        assertThat(FrameCodec.decode(FrameCodec.encode(frame), MAX)).isEqualTo(frame);
        assertThatThrownBy(() -> new RequestFrame(1, "GET", "/", List.of(), new byte[0], null, Instant.MAX, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arrival: ");
    }

    private static RequestFrame request(@Nullable InetSocketAddress client) {
        return new RequestFrame(7, "GET", "/", List.of(), new byte[0], client, ARRIVAL, DEADLINE);
    }

    private static String addressField(byte[] frame, int size) {
        return HexFormat.of().formatHex(Arrays.copyOfRange(frame, ADDRESS_AT, ADDRESS_AT + size));
    }

    /** {@link #request}'s bytes with {@code field} as its address field, the times after it. */
    private static byte[] withAddressField(byte[] field) {
        return withAddressField(field, hex("00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 68 fa"));
    }

    private static byte[] withAddressField(byte[] field, byte[] rest) {
        byte[] head = Arrays.copyOfRange(FrameCodec.encode(request(null)), 0, ADDRESS_AT);
        byte[] frame = concat(head, field, rest);
        ByteBuffer.wrap(frame).putInt(0, frame.length - 4);
        return frame;
    }
}
