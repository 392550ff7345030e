package io.zerver.autoconfigure.observation;

import static io.zerver.autoconfigure.observation.DefaultZerverRequestObservationConvention.NONE;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.StepHighCardinalityKeyNames;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.StepLowCardinalityKeyNames;
import io.zerver.core.flow.Layer;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of step observations: {@code zerver.steps}, spans named
 * {@code zerver.step.<name>}. See {@link ZerverObservationDocumentation#STEP}.
 */
public class DefaultZerverStepObservationConvention implements ZerverStepObservationConvention {

    /** A shared instance. */
    public static final DefaultZerverStepObservationConvention INSTANCE = new DefaultZerverStepObservationConvention();

    @Override
    public String getName() {
        return "zerver.steps";
    }

    @Override
    public String getContextualName(ZerverStepContext context) {
        return "zerver.step." + context.step();
    }

    /** Built once per step, layer, outcome and error: see {@link KeyValuesCache}. */
    private final KeyValuesCache<Keys> cache = new KeyValuesCache<>(this::build);

    @Override
    public KeyValues getLowCardinalityKeyValues(ZerverStepContext context) {
        if (getClass() != DefaultZerverStepObservationConvention.class) {
            return build(context); // a subclass may compute its keys otherwise
        }
        return cache.get(new Keys(context.step(), context.layer(), context.outcome(), context.exception()));
    }

    private KeyValues build(Keys keys) {
        ZerverStepContext context = new ZerverStepContext(keys.step(), keys.layer(), 1);
        if (keys.outcome() != null) {
            context.outcome(keys.outcome());
        }
        if (keys.exception() != null) {
            context.exception(keys.exception());
        }
        return build(context);
    }

    private KeyValues build(ZerverStepContext context) {
        return KeyValues.of(StepLowCardinalityKeyNames.STEP_NAME.withValue(context.step()),
                StepLowCardinalityKeyNames.STEP_LAYER.withValue(context.layer().label()), outcome(context),
                errorType(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ZerverStepContext context) {
        return KeyValues.of(StepHighCardinalityKeyNames.STEP_SEQUENCE.withValue(Integer.toString(context.sequence())));
    }

    protected KeyValue outcome(ZerverStepContext context) {
        String outcome = context.outcome();
        return StepLowCardinalityKeyNames.STEP_OUTCOME.withValue(outcome == null ? NONE : outcome);
    }

    protected KeyValue errorType(ZerverStepContext context) {
        String exception = context.exception();
        return StepLowCardinalityKeyNames.ERROR_TYPE.withValue(exception == null ? NONE : exception);
    }

    /** What the low-cardinality keys of a step are made of. */
    private record Keys(String step, Layer layer, @Nullable String outcome, @Nullable String exception) {
    }
}
