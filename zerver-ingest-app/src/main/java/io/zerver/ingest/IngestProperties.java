package io.zerver.ingest;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ingest.http.IngestLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;

/**
 * What the ingest accepts and how long it waits ({@code zerver.ingest.*}), mapped onto
 * {@link IngestLimits} by {@link IngestConfiguration}. Checked at binding against
 * {@code IngestLimits}: a bad value fails start-up naming the property, the value and what is
 * expected.
 */
@ConfigurationProperties("zerver.ingest")
public class IngestProperties implements CoreChecked {

    /** The ranges are {@link IngestLimits}': see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(IngestProperties.class, IngestConfiguration::limits)
            .field("maxBodyBytes", "maxBodySize").field("maxHeaderBytes", "maxHeaderSize");

    /** Largest request body; a larger one answers 413 without being read in full. From 0B to 2147483639B. */
    private DataSize maxBodySize = DataSize.ofMegabytes(16);

    /** Largest request header block (all header lines together); a larger one answers 431. From 256B to 1MB. */
    private DataSize maxHeaderSize = DataSize.ofKilobytes(16);

    /** Most header lines in a request; more answer 431. At least 1. */
    private int maxHeaderCount = 100;

    /** Longest request target (path and query); a longer one answers 414. From 16 to 1048576. */
    private int maxUriLength = 4096;

    /**
     * How long a request may take from its head's arrival to its answer: a body still arriving
     * then answers 408, an answer still missing 504. A client's X-Request-Timeout (milliseconds)
     * may shorten it. Above 0.
     */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * How long a request's head may take to arrive, and the longest silence while its body arrives
     * (408). Above 0.
     */
    private Duration readTimeout = Duration.ofSeconds(10);

    /** How long a kept-alive connection may wait for its next request before it is closed. Above 0. */
    private Duration idleTimeout = Duration.ofSeconds(60);

    @Override
    public Validator coreChecks() {
        return CORE;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public DataSize getMaxHeaderSize() {
        return maxHeaderSize;
    }

    public void setMaxHeaderSize(DataSize maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    public int getMaxHeaderCount() {
        return maxHeaderCount;
    }

    public void setMaxHeaderCount(int maxHeaderCount) {
        this.maxHeaderCount = maxHeaderCount;
    }

    public int getMaxUriLength() {
        return maxUriLength;
    }

    public void setMaxUriLength(int maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }
}
