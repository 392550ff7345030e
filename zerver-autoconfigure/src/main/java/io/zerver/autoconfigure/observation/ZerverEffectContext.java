package io.zerver.autoconfigure.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Mode;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of an effect: what the timeline said when it started, then how it ended.
 *
 * <p>A client-kind sender context, so that tracers make a client span of it. Nothing is
 * propagated from here (the HTTP handler propagates on its own requests): the carrier is a
 * placeholder and the setter drops what it is given.
 */
public class ZerverEffectContext extends SenderContext<Object> {

    private static final Object NO_CARRIER = new Object();

    private final int index;
    private final String kind;
    private final String target;
    private final @Nullable String slot;
    private final boolean required;
    private final int attempt;
    private final @Nullable Mode mode;
    private final @Nullable Join join;
    private int need;
    private long timeoutNanos;
    private @Nullable String detail;
    private @Nullable String outcome;
    private @Nullable String reason;
    private long bytes;
    private boolean background;

    /**
     * @param index the effect's position in its need, or -1 for a compensation
     * @param mode the mode of the need that declared the effect, null when unknown
     * @param join the join of the need that declared the effect, null when unknown
     */
    public ZerverEffectContext(int index, String kind, String target, @Nullable String slot, boolean required,
            int attempt, @Nullable Mode mode, @Nullable Join join) {
        super((carrier, key, value) -> {
        }, Kind.CLIENT);
        this.index = index;
        this.kind = requireNonNull(kind, "kind");
        this.target = requireNonNull(target, "target");
        this.slot = slot;
        this.required = required;
        this.attempt = attempt;
        this.mode = mode;
        this.join = join;
        setCarrier(NO_CARRIER);
    }

    /**
     * The attempt as the engine reported it: the number of the need that declared the
     * effect (0 for a compensation), its timeout per attempt (0 when unknown) and what it
     * touches (an HTTP URL, a cache or DB key, a file path; null for a compute task).
     */
    public ZerverEffectContext started(int needNumber, long timeout, @Nullable String touches) {
        this.need = needNumber;
        this.timeoutNanos = timeout;
        this.detail = touches;
        return this;
    }

    /** The number of the request's need that declared the effect, from 1; 0 for a compensation or when unknown. */
    public int need() {
        return need;
    }

    /** The effect's own timeout per attempt, in nanoseconds; 0 when unknown. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /**
     * What the effect touches: the URL of an HTTP call (without user info), the key of a
     * cache or DB effect, the prefix of a scan, the path of a file effect; null for a
     * compute task or when unknown.
     */
    public @Nullable String detail() {
        return detail;
    }

    /** The effect's position in its need, or -1 for a compensation. */
    public int index() {
        return index;
    }

    /** Whether this effect undoes another of a failed request. */
    public boolean compensation() {
        return index < 0;
    }

    public String kind() {
        return kind;
    }

    public String target() {
        return target;
    }

    public @Nullable String slot() {
        return slot;
    }

    public boolean required() {
        return required;
    }

    /** The attempt, from 1. */
    public int attempt() {
        return attempt;
    }

    public @Nullable Mode mode() {
        return mode;
    }

    public @Nullable Join join() {
        return join;
    }

    /** {@code ok}, an error kind label, or {@code cancelled}; null while running. */
    public @Nullable String outcome() {
        return outcome;
    }

    /** Whether the attempt ended and succeeded. */
    public boolean succeeded() {
        return "ok".equals(outcome);
    }

    /** The handler's own key for a failure, or null. */
    public @Nullable String reason() {
        return reason;
    }

    /** The size of the result, once ended. */
    public long bytes() {
        return bytes;
    }

    /** Whether the attempt ended after the request stopped waiting for it. */
    public boolean background() {
        return background;
    }

    void ended(String how, @Nullable String why, long size, boolean late) {
        this.outcome = how;
        this.reason = why;
        this.bytes = size;
        this.background = late;
    }

    /**
     * Whether this context is of the attempt {@code index}/{@code attempt} of {@code kind} on
     * {@code target}, declared by need {@code needNumber}.
     */
    boolean isOf(int needNumber, int effectIndex, int effectAttempt, String effectKind, String effectTarget) {
        return need == needNumber && index == effectIndex && attempt == effectAttempt && kind.equals(effectKind)
                && target.equals(effectTarget);
    }
}
