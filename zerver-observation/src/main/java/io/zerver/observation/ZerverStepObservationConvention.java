package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of step observations; implement it, or extend
 * {@link DefaultZerverStepObservationConvention}, to change them.
 */
public interface ZerverStepObservationConvention extends ObservationConvention<ZerverStepContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZerverStepContext;
    }
}
