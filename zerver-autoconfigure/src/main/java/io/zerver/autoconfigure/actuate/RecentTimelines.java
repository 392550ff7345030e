package io.zerver.autoconfigure.actuate;

import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the timelines of the last {@code capacity} answered requests, newest first, for the
 * debug view of the {@code zerver} endpoint. Rendering happens on read, so events that
 * arrive after the answer (background work) show too.
 */
public final class RecentTimelines implements TimelineObserver {

    private final Timeline[] ring;
    private int next;
    private int size;

    public RecentTimelines(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        this.ring = new Timeline[capacity];
    }

    @Override
    public void onFinish(Timeline timeline) {
        synchronized (ring) {
            ring[next] = timeline;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }
    }

    /** The kept timelines, newest first. */
    public List<Timeline> snapshot() {
        synchronized (ring) {
            List<Timeline> out = new ArrayList<>(size);
            for (int i = 1; i <= size; i++) {
                out.add(ring[(next - i + ring.length) % ring.length]);
            }
            return out;
        }
    }
}
