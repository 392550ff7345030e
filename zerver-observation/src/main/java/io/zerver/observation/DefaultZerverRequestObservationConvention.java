package io.zerver.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.zerver.core.error.ZerverError;
import io.zerver.observation.ZerverObservationDocumentation.RequestHighCardinalityKeyNames;
import io.zerver.observation.ZerverObservationDocumentation.RequestLowCardinalityKeyNames;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of the request observation: {@code zerver.requests}, its span
 * named {@code METHOD /route-pattern}. See {@link ZerverObservationDocumentation#REQUEST}.
 */
public class DefaultZerverRequestObservationConvention implements ZerverRequestObservationConvention {

    /** A shared instance. */
    public static final DefaultZerverRequestObservationConvention INSTANCE =
            new DefaultZerverRequestObservationConvention();

    static final String NONE = "none";
    private static final String OTHER_METHOD = "_OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    @Override
    public String getName() {
        return "zerver.requests";
    }

    /** {@code METHOD /route-pattern}, or the method alone when no route matched. */
    @Override
    public String getContextualName(ZerverRequestContext context) {
        String method = normalizedMethod(context);
        String spanMethod = OTHER_METHOD.equals(method) ? "HTTP" : method;
        String route = context.route();
        return route == null ? spanMethod : spanMethod + " " + route;
    }

    /** Built once per method, route, status and error: see {@link KeyValuesCache}. */
    private final KeyValuesCache<Keys> cache = new KeyValuesCache<>(this::build);

    @Override
    public KeyValues getLowCardinalityKeyValues(ZerverRequestContext context) {
        if (getClass() != DefaultZerverRequestObservationConvention.class) {
            return build(context); // a subclass may compute its keys otherwise
        }
        ZerverError error = context.error();
        return cache.get(new Keys(normalizedMethod(context), context.route(), context.status(),
                error == null ? null : error.kind().label(), error == null ? null : error.what()));
    }

    private KeyValues build(Keys keys) {
        String route = keys.route();
        String errorType = keys.errorType();
        String errorWhat = keys.errorWhat();
        int status = keys.status();
        return KeyValues.of(RequestLowCardinalityKeyNames.HTTP_REQUEST_METHOD.withValue(keys.method()),
                RequestLowCardinalityKeyNames.HTTP_ROUTE.withValue(route == null ? NONE : route),
                RequestLowCardinalityKeyNames.HTTP_RESPONSE_STATUS_CODE.withValue(
                        status == 0 ? NONE : Integer.toString(status)),
                RequestLowCardinalityKeyNames.OUTCOME.withValue(outcomeOf(status)),
                RequestLowCardinalityKeyNames.ERROR_TYPE.withValue(errorType == null ? NONE : errorType),
                RequestLowCardinalityKeyNames.ERROR_WHAT.withValue(errorWhat == null ? NONE : errorWhat));
    }

    private KeyValues build(ZerverRequestContext context) {
        return KeyValues.of(method(context), route(context), status(context), outcome(context), errorType(context),
                errorWhat(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ZerverRequestContext context) {
        KeyValues values = KeyValues.of(RequestHighCardinalityKeyNames.URL_PATH.withValue(context.path()),
                RequestHighCardinalityKeyNames.REQUEST_ID.withValue(context.requestId()));
        ZerverError error = context.error();
        return error == null ? values : values.and(RequestHighCardinalityKeyNames.ERROR_KEY.withValue(error.key()));
    }

    protected KeyValue method(ZerverRequestContext context) {
        return RequestLowCardinalityKeyNames.HTTP_REQUEST_METHOD.withValue(normalizedMethod(context));
    }

    /** The route pattern, never the raw path: the raw path would make a timer per URL. */
    protected KeyValue route(ZerverRequestContext context) {
        String route = context.route();
        return RequestLowCardinalityKeyNames.HTTP_ROUTE.withValue(route == null ? NONE : route);
    }

    protected KeyValue status(ZerverRequestContext context) {
        int status = context.status();
        return RequestLowCardinalityKeyNames.HTTP_RESPONSE_STATUS_CODE.withValue(
                status == 0 ? NONE : Integer.toString(status));
    }

    protected KeyValue outcome(ZerverRequestContext context) {
        return RequestLowCardinalityKeyNames.OUTCOME.withValue(outcomeOf(context.status()));
    }

    protected KeyValue errorType(ZerverRequestContext context) {
        ZerverError error = context.error();
        return RequestLowCardinalityKeyNames.ERROR_TYPE.withValue(error == null ? NONE : error.kind().label());
    }

    protected KeyValue errorWhat(ZerverRequestContext context) {
        ZerverError error = context.error();
        return RequestLowCardinalityKeyNames.ERROR_WHAT.withValue(error == null ? NONE : error.what());
    }

    private static String normalizedMethod(ZerverRequestContext context) {
        String method = context.method();
        return METHODS.contains(method) ? method : OTHER_METHOD;
    }

    /** What the low-cardinality keys of a request are made of; the same rules as the protected methods. */
    private record Keys(String method, @Nullable String route, int status, @Nullable String errorType,
            @Nullable String errorWhat) {
    }

    private static String outcomeOf(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        }
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }
}
