package io.zerver.core.error;

import io.zerver.core.http.Response;

/** Turns an error into the response the client sees. Replace it to change the error format. */
@FunctionalInterface
public interface ErrorRenderer {

    Response render(ZerverError error, String requestId);

    /**
     * The default: {@code {"error":{"kind":..,"what":..,"key":..,"requestId":..}}}, with
     * {@code "fields":[{"field":..,"message":..}]} after them when the error has field errors.
     */
    static ErrorRenderer json() {
        return JsonErrorRenderer.INSTANCE;
    }
}
