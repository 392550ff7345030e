package io.zerver.core.engine;

import io.zerver.core.error.ZerverError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a need's effects came to when the pipeline resumes.
 *
 * @param finished the effects that finished before the join resolved, in completion order
 * @param failure the error that fails the request, or null to go on
 */
record JoinResult(List<EffectOutcome> finished, @Nullable ZerverError failure) {
}
