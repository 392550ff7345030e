package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of effect attempt observations; implement it, or extend
 * {@link DefaultZerverEffectObservationConvention}, to change them.
 */
public interface ZerverEffectObservationConvention extends ObservationConvention<ZerverEffectContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZerverEffectContext;
    }
}
