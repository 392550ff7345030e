package io.zerver.ingest;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ingest.http.IngestLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;

/**
 * What the ingest accepts and how long it waits ({@code zerver.ingest.*}), mapped onto
 * {@link IngestLimits} by {@link IngestConfiguration}. Checked at binding against
 * {@code IngestLimits}: a bad value fails start-up naming the property, the value and what is
 * expected.
 *
 * @param maxBodySize Largest request body; a larger one answers 413 without being read in full. From 0B to 2147483639B.
 * @param maxHeaderSize Largest request header block (all header lines together); a larger one answers 431. From 256B to 1MB.
 * @param maxHeaderCount Most header lines in a request; more answer 431. At least 1.
 * @param maxUriLength Longest request target (path and query); a longer one answers 414. From 16 to 1048576.
 * @param requestTimeout How long a request may take from its head's arrival to its answer: a body still arriving
 *     then answers 408, an answer still missing 504. A client's X-Request-Timeout (milliseconds)
 *     may shorten it. Above 0.
 * @param readTimeout How long a request's head may take to arrive, and the longest silence while its body arrives
 *     (408). Above 0.
 * @param idleTimeout How long a kept-alive connection may wait for its next request before it is closed. Above 0.
 */
@ConfigurationProperties("zerver.ingest")
public record IngestProperties(@DefaultValue("16MB") DataSize maxBodySize, @DefaultValue("16KB") DataSize maxHeaderSize,
        @DefaultValue("100") int maxHeaderCount, @DefaultValue("4096") int maxUriLength,
        @DefaultValue("30s") Duration requestTimeout, @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("60s") Duration idleTimeout) implements CoreChecked {

    /** The ranges are {@link IngestLimits}': see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(IngestProperties.class, IngestConfiguration::limits)
            .field("maxBodyBytes", "maxBodySize").field("maxHeaderBytes", "maxHeaderSize");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
