package io.zerver.core.engine;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import reactor.core.publisher.Mono;

/**
 * A key/value store with no keys, for the engine's own tests: every {@code db.get} fails
 * with not found as soon as it is subscribed to. (The in-memory store with data is
 * zerver-test's {@code InMemoryKv}, which depends on core.)
 */
final class EmptyKv {

    private EmptyKv() {
    }

    static EffectHandlers handlers() {
        return EffectHandlers.builder()
                .on(DbGet.class, (effect, context) -> Mono.defer(() -> Mono.error(
                        new ZerverException(ErrorKind.NOT_FOUND, "db", effect.key()))))
                .build();
    }
}
