package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.sql.SqlEffects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * SQL effects on the application's DataSources ({@code zerver.effects.sql.*}). Checked at binding
 * against {@link SqlEffects}, whether the family is enabled or not.
 *
 * @param enabled Whether the sql.* effects are served.
 * @param threads Threads that run the blocking JDBC calls of all DataSources. At least 1.
 */
@ConfigurationProperties("zerver.effects.sql")
public record ZerverSqlEffectsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10") int threads)
        implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverSqlEffectsProperties.class,
            sql -> SqlEffects.requireThreads(sql.threads()));

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
