package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of promoted job observations; implement it, or extend
 * {@link DefaultZerverJobObservationConvention}, to change them.
 */
public interface ZerverJobObservationConvention extends ObservationConvention<ZerverJobContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZerverJobContext;
    }
}
