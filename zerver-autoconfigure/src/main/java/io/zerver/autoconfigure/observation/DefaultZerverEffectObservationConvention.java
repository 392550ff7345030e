package io.zerver.autoconfigure.observation;

import static io.zerver.autoconfigure.observation.DefaultZerverRequestObservationConvention.NONE;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.EffectHighCardinalityKeyNames;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.EffectLowCardinalityKeyNames;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Mode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of effect attempts: {@code zerver.effects}, client spans named
 * {@code zerver.effect.<kind>}. See {@link ZerverObservationDocumentation#EFFECT}.
 *
 * <p>The DB operation and HTTP method are read from the kind; {@code url.full},
 * {@code cache.key} and {@code file.path} from what the effect touches (the URL without user
 * info). A DB key is not an attribute: it is in the timeline only.
 */
public class DefaultZerverEffectObservationConvention implements ZerverEffectObservationConvention {

    /** A shared instance. */
    public static final DefaultZerverEffectObservationConvention INSTANCE =
            new DefaultZerverEffectObservationConvention();

    @Override
    public String getName() {
        return "zerver.effects";
    }

    @Override
    public String getContextualName(ZerverEffectContext context) {
        return "zerver.effect." + context.kind();
    }

    /** Built once per kind, target, need shape and outcome: see {@link KeyValuesCache}. */
    private final KeyValuesCache<Keys> cache = new KeyValuesCache<>(this::build);

    @Override
    public KeyValues getLowCardinalityKeyValues(ZerverEffectContext context) {
        if (getClass() != DefaultZerverEffectObservationConvention.class) {
            return build(context); // a subclass may compute its keys otherwise
        }
        return cache.get(new Keys(context.kind(), context.target(), context.required(), context.mode(),
                context.join(), context.outcome(), context.compensation()));
    }

    private KeyValues build(Keys keys) {
        ZerverEffectContext context = new ZerverEffectContext(keys.compensation() ? -1 : 0, keys.kind(),
                keys.target(), null, keys.required(), 1, keys.mode(), keys.join());
        String outcome = keys.outcome();
        if (outcome != null) {
            context.ended(outcome, null, 0, false);
        }
        return build(context);
    }

    private KeyValues build(ZerverEffectContext context) {
        return KeyValues.of(EffectLowCardinalityKeyNames.EFFECT_KIND.withValue(context.kind()),
                EffectLowCardinalityKeyNames.EFFECT_TARGET.withValue(context.target()),
                EffectLowCardinalityKeyNames.EFFECT_REQUIRED.withValue(Boolean.toString(context.required())),
                EffectLowCardinalityKeyNames.EFFECT_MODE.withValue(label(context.mode())),
                EffectLowCardinalityKeyNames.EFFECT_JOIN.withValue(label(context.join())),
                outcome(context),
                EffectLowCardinalityKeyNames.EFFECT_SUCCESS.withValue(Boolean.toString(context.succeeded())),
                EffectLowCardinalityKeyNames.EFFECT_COMPENSATION.withValue(Boolean.toString(context.compensation())),
                errorType(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ZerverEffectContext context) {
        KeyValues values = KeyValues.of(
                EffectHighCardinalityKeyNames.EFFECT_ATTEMPTS.withValue(Integer.toString(context.attempt())));
        String slot = context.slot();
        if (slot != null) {
            values = values.and(EffectHighCardinalityKeyNames.EFFECT_SLOT.withValue(slot));
        }
        if (context.outcome() != null) {
            values = values.and(EffectHighCardinalityKeyNames.EFFECT_BYTES.withValue(Long.toString(context.bytes())),
                    EffectHighCardinalityKeyNames.EFFECT_BACKGROUND.withValue(Boolean.toString(context.background())));
        }
        if (context.timeoutNanos() > 0) {
            values = values.and(EffectHighCardinalityKeyNames.EFFECT_TIMEOUT_MS.withValue(
                    timeoutMillis(context.timeoutNanos())));
        }
        if (context.need() > 0) {
            values = values.and(EffectHighCardinalityKeyNames.EFFECT_NEED.withValue(Integer.toString(context.need())));
        }
        String kind = context.kind();
        int dot = kind.indexOf('.');
        String family = dot < 0 ? kind : kind.substring(0, dot);
        String operation = dot < 0 ? "" : kind.substring(dot + 1);
        String detail = context.detail();
        if (!operation.isEmpty() && "db".equals(family)) {
            values = values.and(EffectHighCardinalityKeyNames.DB_OPERATION.withValue(operation));
        } else if (!operation.isEmpty() && "http".equals(family)) {
            values = values.and(EffectHighCardinalityKeyNames.HTTP_REQUEST_METHOD
                    .withValue(operation.toUpperCase(Locale.ROOT)));
            if (detail != null) {
                values = values.and(EffectHighCardinalityKeyNames.URL_FULL.withValue(detail));
            }
        } else if (detail != null && "cache".equals(family)) {
            values = values.and(EffectHighCardinalityKeyNames.CACHE_KEY.withValue(detail));
        } else if (detail != null && "file".equals(family)) {
            values = values.and(EffectHighCardinalityKeyNames.FILE_PATH.withValue(detail));
        }
        String reason = context.reason();
        return reason == null ? values : values.and(EffectHighCardinalityKeyNames.ERROR_KEY.withValue(reason));
    }

    protected KeyValue outcome(ZerverEffectContext context) {
        String outcome = context.outcome();
        return EffectLowCardinalityKeyNames.EFFECT_OUTCOME.withValue(outcome == null ? NONE : outcome);
    }

    /** The outcome of an attempt that did not succeed ({@code Timeout}, {@code cancelled}), else {@code none}. */
    protected KeyValue errorType(ZerverEffectContext context) {
        String outcome = context.outcome();
        return EffectLowCardinalityKeyNames.ERROR_TYPE.withValue(
                outcome == null || context.succeeded() ? NONE : outcome);
    }

    /** Whole milliseconds when the timeout is one, else three decimals. */
    static String timeoutMillis(long nanos) {
        return nanos % 1_000_000 == 0 ? Long.toString(nanos / 1_000_000)
                : DefaultZerverJobObservationConvention.millis(nanos);
    }

    /** What the low-cardinality keys of an attempt are made of. */
    private record Keys(String kind, String target, boolean required, @Nullable Mode mode, @Nullable Join join,
            @Nullable String outcome, boolean compensation) {
    }

    private static String label(@Nullable Enum<?> value) {
        return value == null ? NONE : value.name().toLowerCase(Locale.ROOT);
    }
}
