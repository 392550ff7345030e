package io.zerver.autoconfigure.observation;

import static io.zerver.autoconfigure.observation.DefaultZerverRequestObservationConvention.NONE;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.StepHighCardinalityKeyNames;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.StepLowCardinalityKeyNames;

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

    @Override
    public KeyValues getLowCardinalityKeyValues(ZerverStepContext context) {
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
}
