package io.zerver.core.engine;

import io.zerver.core.timeline.Timeline;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Log lines about one request, written with its correlation (trace ids) in place. */
final class RequestLog {

    private RequestLog() {
    }

    /**
     * Logs a line about the request of {@code timeline} through it, so that the line carries
     * the request's correlation on whatever thread this runs; nothing is built when
     * {@code logger} would drop the line.
     */
    static void log(Timeline timeline, System.Logger logger, System.Logger.Level level, Supplier<String> message,
            @Nullable Throwable error) {
        if (!logger.isLoggable(level)) {
            return;
        }
        timeline.log(() -> {
            if (error == null) {
                logger.log(level, message);
            } else {
                logger.log(level, message, error);
            }
        });
    }
}
