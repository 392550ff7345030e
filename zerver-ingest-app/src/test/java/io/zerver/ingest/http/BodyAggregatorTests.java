package io.zerver.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyAggregatorTests {

    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

    @Test
    void takesTheChunksAsOneArrayAndReleasesThem() {
        BodyAggregator body = new BodyAggregator(16);
        ByteBuf hello = buffer("hello");
        ByteBuf world = buffer(" world");

        assertThat(body.add(alloc, hello)).isTrue();
        assertThat(body.add(alloc, world)).isTrue();
        hello.release();
        world.release();

        assertThat(new String(body.take(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(hello.refCnt()).isZero();
        assertThat(world.refCnt()).isZero();
        assertThat(body.take()).isEmpty();
    }

    @Test
    void refusesAChunkThatWouldExceedTheLimitAndKeepsNothingOfIt() {
        BodyAggregator body = new BodyAggregator(8);
        ByteBuf first = buffer("12345");
        ByteBuf second = buffer("6789");

        assertThat(body.add(alloc, first)).isTrue();
        assertThat(body.add(alloc, second)).isFalse();

        assertThat(second.refCnt()).isEqualTo(1);
        body.discard();
        first.release();
        second.release();
        assertThat(first.refCnt()).isZero();
    }

    @Test
    void aBodyOfExactlyTheLimitFits() {
        BodyAggregator body = new BodyAggregator(5);

        assertThat(body.add(alloc, Unpooled.wrappedBuffer(new byte[5]))).isTrue();
        assertThat(body.take()).hasSize(5);
    }

    @Test
    void anEmptyBodyIsAnEmptyArray() {
        BodyAggregator body = new BodyAggregator(0);

        assertThat(body.add(alloc, Unpooled.EMPTY_BUFFER)).isTrue();
        assertThat(body.take()).isEmpty();
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
