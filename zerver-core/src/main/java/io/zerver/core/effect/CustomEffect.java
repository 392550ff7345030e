package io.zerver.core.effect;

import org.jspecify.annotations.Nullable;

/**
 * An effect type of the application's own, for a client it already has (a message broker, a
 * search engine, a mail server): a record implementing this, handled by a handler the
 * application registers ({@code EffectHandlers.builder().on(SendMail.class, handler)}, or an
 * {@code EffectFamily} bean with the starter). The runtime gives it what the built-in effects
 * get: its timeout, retry policy, idempotency key, join, bulkhead (per {@link #target()}), breaker
 * if the handler has one, timeline events, spans and scripting in tests.
 *
 * <pre>{@code
 * record SendMail(String to, String subject, String text, @Nullable Slot<?> slot, EffectOptions options)
 *         implements CustomEffect<SendMail> {
 *     public String kind() { return "mail.send"; }
 *     public String target() { return "smtp"; }
 *     public boolean isWrite() { return true; }
 *     public SendMail withOptions(EffectOptions options) { return new SendMail(to, subject, text, slot, options); }
 * }
 * }</pre>
 *
 * <p>A step that performs one declares it ({@code Step.named(..).performs(SendMail.class)}), so
 * that an engine built without its handler fails at once, naming the route, the step and the type.
 *
 * @param <E> the effect type itself
 */
public non-sealed interface CustomEffect<E extends CustomEffect<E>> extends ConfigurableEffect<E> {

    /**
     * What exactly it touches, for its timeline event ({@code EffectStarted.detail}): never a
     * secret or a person's data. None by default.
     */
    default @Nullable String detail() {
        return null;
    }
}
