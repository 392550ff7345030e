package io.zerver.autoconfigure.observation;

import io.micrometer.common.KeyValues;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.JobHighCardinalityKeyNames;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.JobLowCardinalityKeyNames;
import java.util.Locale;

/**
 * The default names and keys of promoted jobs: {@code zerver.jobs}, spans named
 * {@code zerver.job.step} or {@code zerver.job.effect}. See
 * {@link ZerverObservationDocumentation#JOB_STEP}.
 */
public class DefaultZerverJobObservationConvention implements ZerverJobObservationConvention {

    /** A shared instance. */
    public static final DefaultZerverJobObservationConvention INSTANCE = new DefaultZerverJobObservationConvention();

    @Override
    public String getName() {
        return "zerver.jobs";
    }

    @Override
    public String getContextualName(ZerverJobContext context) {
        return "step".equals(context.job()) ? "zerver.job.step" : "zerver.job.effect";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ZerverJobContext context) {
        return KeyValues.of(JobLowCardinalityKeyNames.JOB.withValue(context.job()),
                JobLowCardinalityKeyNames.JOB_WAIT.withValue(context.waitKind().label()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ZerverJobContext context) {
        return KeyValues.of(JobHighCardinalityKeyNames.JOB_WAIT_MS.withValue(millis(context.waitNanos())));
    }

    /** {@code nanos} as milliseconds with three decimals. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }
}
