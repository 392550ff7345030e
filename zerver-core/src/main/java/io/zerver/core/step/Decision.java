package io.zerver.core.step;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.Effect;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Response;
import java.util.List;

/** What a step returns: go on, perform effects, answer, or fail. */
public sealed interface Decision permits Decision.Continue, Decision.Done, Decision.Fail, Need {

    /** Go on with the next step. */
    static Continue next() {
        return Continue.INSTANCE;
    }

    /** Answer with {@code response}; no further step runs. */
    static Done done(Response response) {
        return new Done(response);
    }

    /** Fail the request with an error the renderer turns into a response. */
    static Fail fail(ErrorKind kind, String what, String key) {
        return new Fail(ZerverError.of(kind, what, key));
    }

    static Fail fail(ZerverError error) {
        return new Fail(error);
    }

    /** Perform {@code effects} (in parallel, joining all, by default) then go on. */
    static Need need(Effect... effects) {
        return Need.of(List.of(effects));
    }

    static Need need(List<? extends Effect> effects) {
        return Need.of(effects);
    }

    /** Go on with the next step. */
    final class Continue implements Decision {

        static final Continue INSTANCE = new Continue();

        private Continue() {
        }

        @Override
        public String toString() {
            return "Continue";
        }
    }

    /** Answer with {@code response}. */
    record Done(Response response) implements Decision {

        public Done {
            requireNonNull(response, "response");
        }
    }

    /** Fail with {@code error}. */
    record Fail(ZerverError error) implements Decision {

        public Fail {
            requireNonNull(error, "error");
        }
    }
}
