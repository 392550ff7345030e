package io.zerver.core.engine;

import io.zerver.core.effect.CacheDelete;
import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.CacheSet;
import io.zerver.core.effect.CustomEffect;
import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.FileJsonRead;
import io.zerver.core.effect.FileJsonWrite;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.effect.SqlBatch;
import io.zerver.core.effect.SqlQuery;
import io.zerver.core.effect.SqlTransaction;
import io.zerver.core.effect.SqlUpdate;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What exactly an effect touches, for its {@code EffectStarted} event: a field read, no
 * formatting, except for an HTTP URL carrying user info, which is left out.
 */
final class EffectDetail {

    private EffectDetail() {
    }

    static @Nullable String of(Effect effect) {
        if (effect instanceof DbGet e) {
            return e.key();
        }
        if (effect instanceof HttpCall e) {
            return url(e.url());
        }
        if (effect instanceof CacheGet e) {
            return e.key();
        }
        if (effect instanceof DbPut e) {
            return e.key();
        }
        if (effect instanceof CacheSet e) {
            return e.key();
        }
        if (effect instanceof DbScan e) {
            return e.prefix();
        }
        if (effect instanceof DbDelete e) {
            return e.key();
        }
        if (effect instanceof CacheDelete e) {
            return e.key();
        }
        if (effect instanceof FileJsonRead e) {
            return e.path();
        }
        if (effect instanceof FileJsonWrite e) {
            return e.path();
        }
        if (effect instanceof SqlQuery e) {
            return e.sql();
        }
        if (effect instanceof SqlUpdate e) {
            return e.sql();
        }
        if (effect instanceof SqlBatch e) {
            return e.sql() + " (x" + e.batch().size() + ")";
        }
        if (effect instanceof SqlTransaction e) {
            return e.statements().get(0).sql() + (e.statements().size() > 1
                    ? " (+" + (e.statements().size() - 1) + " more)" : "");
        }
        if (effect instanceof CustomEffect<?> e) {
            return e.detail();
        }
        return null; // compute: the task name is the target
    }

    /** The URL as given (the URI caches its string), without user info, which may hold credentials. */
    static String url(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        StringBuilder out = new StringBuilder(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() != -1) {
            out.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        if (path != null) {
            out.append(path);
        }
        if (url.getRawQuery() != null) {
            out.append('?').append(url.getRawQuery());
        }
        return out.toString();
    }
}
