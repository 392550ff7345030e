package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records which observations started and stopped, in order, to check that none is left open. */
final class RecordingHandler implements ObservationHandler<Observation.Context> {

    final List<Observation.Context> started = new CopyOnWriteArrayList<>();
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Observation.Context context) {
        started.add(context);
    }

    @Override
    public void onStop(Observation.Context context) {
        stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return true;
    }

    /** The one observation started with {@code contextualName}, once stopped. */
    Observation.Context named(String contextualName) {
        List<Observation.Context> found = started.stream()
                .filter(c -> contextualName.equals(c.getContextualName()))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " observations named " + contextualName + " in " + started);
        }
        return found.get(0);
    }

    /** The observations started of {@code type}. */
    <C extends Observation.Context> List<C> all(Class<C> type) {
        return started.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
