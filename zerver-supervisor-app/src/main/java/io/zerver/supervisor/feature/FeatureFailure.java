package io.zerver.supervisor.feature;

import java.time.Instant;

/**
 * A jar that did not become a version.
 *
 * @param jar the jar's file name in the features directory
 * @param reason why, for people
 * @param at when
 */
public record FeatureFailure(String jar, String reason, Instant at) {
}
