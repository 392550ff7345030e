package io.zerver.observation;

import io.micrometer.common.KeyValues;
import io.zerver.observation.ZerverObservationDocumentation.JobHighCardinalityKeyNames;
import io.zerver.observation.ZerverObservationDocumentation.JobLowCardinalityKeyNames;

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

    /** {@code nanos} as milliseconds with three decimals, rounded half up: {@code 1234567} is {@code 1.235}. */
    static String millis(long nanos) {
        long micros = nanos >= 0 ? (nanos + 500) / 1_000 : -((-nanos + 500) / 1_000);
        long abs = Math.abs(micros);
        long fraction = abs % 1_000;
        StringBuilder out = new StringBuilder(24);
        if (micros < 0) {
            out.append('-');
        }
        out.append(abs / 1_000).append('.');
        if (fraction < 100) {
            out.append(fraction < 10 ? "00" : "0");
        }
        return out.append(fraction).toString();
    }
}
