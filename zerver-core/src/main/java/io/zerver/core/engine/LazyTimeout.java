package io.zerver.core.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A timeout that is armed only when it can matter: the source is subscribed first, and a
 * timer is scheduled only if it has not answered by then. Work that answers at once (an
 * in-memory effect, a pipeline without I/O) never touches the timer thread, which on a
 * small machine is most of what a timeout costs. On expiry the source is cancelled and
 * {@code onTimeout} supplies the value.
 */
final class LazyTimeout {

    private LazyTimeout() {
    }

    static <T> Mono<T> within(Mono<T> source, long timeoutNanos, Scheduler timer, Supplier<T> onTimeout) {
        return Mono.create(sink -> {
            AtomicBoolean done = new AtomicBoolean();
            Disposable.Swap timeout = Disposables.swap();
            Disposable subscription = source.subscribe(
                    value -> {
                        if (done.compareAndSet(false, true)) {
                            timeout.dispose();
                            sink.success(value);
                        }
                    },
                    error -> {
                        if (done.compareAndSet(false, true)) {
                            timeout.dispose();
                            sink.error(error);
                        }
                    },
                    () -> {
                        if (done.compareAndSet(false, true)) {
                            timeout.dispose();
                            sink.success();
                        }
                    });
            sink.onCancel(() -> {
                if (done.compareAndSet(false, true)) {
                    timeout.dispose();
                    subscription.dispose();
                }
            });
            if (!done.get()) {
                // If the source answers while this is scheduled, the swap is already
                // disposed and disposes the new timer at once.
                timeout.update(timer.schedule(() -> {
                    if (done.compareAndSet(false, true)) {
                        subscription.dispose();
                        sink.success(onTimeout.get());
                    }
                }, Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS));
            }
        });
    }
}
