package io.zerver.core.timeline;

import java.util.List;

final class CompositeObserver implements TimelineObserver {

    private static final System.Logger LOG = System.getLogger(CompositeObserver.class.getName());

    private final List<TimelineObserver> observers;

    CompositeObserver(List<TimelineObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void onStart(Timeline timeline) {
        for (TimelineObserver o : observers) {
            try {
                o.onStart(timeline);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "timeline observer failed", e);
            }
        }
    }

    @Override
    public void onEvent(Timeline timeline, TimelineEvent event) {
        for (TimelineObserver o : observers) {
            try {
                o.onEvent(timeline, event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "timeline observer failed", e);
            }
        }
    }

    @Override
    public void onFinish(Timeline timeline) {
        for (TimelineObserver o : observers) {
            try {
                o.onFinish(timeline);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "timeline observer failed", e);
            }
        }
    }
}
