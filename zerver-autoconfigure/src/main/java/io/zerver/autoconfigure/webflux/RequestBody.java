package io.zerver.autoconfigure.webflux;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request body into one array, up to a limit. Past the limit it keeps reading and
 * dropping what arrives, for a short while, so that a client still uploading finishes its write
 * and reads the 413 instead of meeting a closed connection; then it stops reading.
 */
final class RequestBody {

    /** How long a body over the limit is still read (and dropped) before the answer. */
    static final Duration DRAIN = Duration.ofSeconds(2);

    private static final byte[] EMPTY = new byte[0];

    private final int limit;
    private byte[] bytes;
    private int size;
    private long overSince = -1;

    private RequestBody(int limit, long declared) {
        this.limit = limit;
        this.bytes = declared > 0 && declared <= limit ? new byte[(int) declared] : EMPTY;
    }

    /**
     * Whether a request has no body to read: a {@code GET} or {@code HEAD} that declares none
     * (no {@code Content-Length} above 0, no {@code Transfer-Encoding}). Other methods are read
     * whatever they declare: over HTTP/2 a body needs neither header.
     */
    static boolean absent(HttpMethod method, HttpHeaders headers, long declared) {
        return declared <= 0 && (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The body's bytes, or null when it passed {@code limit}. */
    static Mono<byte[]> read(Flux<DataBuffer> body, int limit, long declared) {
        return Mono.defer(() -> {
            RequestBody reader = new RequestBody(limit, declared);
            return body.doOnNext(reader::add)
                    .takeWhile(buffer -> !reader.doneDraining())
                    .then(Mono.fromSupplier(reader::result));
        });
    }

    /** Reads and drops whatever is left of a body, for at most {@link #DRAIN}. */
    static Mono<Void> discard(Flux<DataBuffer> body) {
        return body.doOnNext(DataBufferUtils::release).take(DRAIN).then().onErrorComplete();
    }

    private void add(DataBuffer buffer) {
        try {
            int n = buffer.readableByteCount();
            if (overSince >= 0) {
                return;
            }
            if ((long) size + n > limit) {
                overSince = System.nanoTime();
                bytes = EMPTY;
                return;
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + n, bytes.length * 2L)));
            }
            buffer.read(bytes, size, n);
            size += n;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private boolean doneDraining() {
        return overSince >= 0 && System.nanoTime() - overSince > DRAIN.toNanos();
    }

    private byte[] result() {
        if (overSince >= 0) {
            throw new BodyTooLarge();
        }
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    /** The body passed the limit. */
    static final class BodyTooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
