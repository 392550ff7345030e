package io.zerver.autoconfigure.custom;

import io.zerver.core.effect.CustomEffect;
import io.zerver.core.effect.EffectOptions;
import io.zerver.core.slot.Slot;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** An effect type of the application's own: one mail, sent with the application's JavaMailSender. */
record SendMail(String to, String subject, String text, @Nullable Slot<?> slot, EffectOptions options)
        implements CustomEffect<SendMail> {

    static SendMail to(String to, String subject, String text) {
        return new SendMail(to, subject, text, null, EffectOptions.defaults(Duration.ofSeconds(2)));
    }

    @Override
    public String kind() {
        return "mail.send";
    }

    @Override
    public String target() {
        return "smtp";
    }

    @Override
    public boolean isWrite() {
        return true;
    }

    /** The subject, never the recipient: a timeline must not show a person's address. */
    @Override
    public String detail() {
        return subject;
    }

    SendMail into(Slot<Boolean> sent) {
        return new SendMail(to, subject, text, sent, options);
    }

    @Override
    public SendMail withOptions(EffectOptions options) {
        return new SendMail(to, subject, text, slot, options);
    }
}
