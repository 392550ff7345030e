package io.zerver.core.engine;

import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Response;
import org.jspecify.annotations.Nullable;

/** How a run of a pipeline ended, before errors are compensated and rendered. */
record Verdict(@Nullable Response response, @Nullable ZerverError error) {

    static Verdict answered(Response response) {
        return new Verdict(response, null);
    }

    static Verdict failed(ZerverError error) {
        return new Verdict(null, error);
    }
}
