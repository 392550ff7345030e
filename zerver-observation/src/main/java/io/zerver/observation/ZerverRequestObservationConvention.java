package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the request observation (the root span); implement it, or extend
 * {@link DefaultZerverRequestObservationConvention}, to change them.
 */
public interface ZerverRequestObservationConvention extends ObservationConvention<ZerverRequestContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZerverRequestContext;
    }
}
