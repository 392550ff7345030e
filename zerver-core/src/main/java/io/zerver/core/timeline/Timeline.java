package io.zerver.core.timeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything that happened to one request, in order. Appends may come from several
 * threads (effects complete where they complete), so appending is synchronized; reads
 * take a snapshot.
 */
public final class Timeline {

    private final String requestId;
    private final String method;
    private final String path;
    private final long startNanos;
    private final long startEpochMillis;
    private final TimelineObserver observer;
    private final List<TimelineEvent> events = new ArrayList<>(16);
    private volatile @Nullable String route;
    private volatile int status;
    private volatile LogCorrelation logCorrelation = LogCorrelation.NONE;
    /** What observers keep with this request: owner, state, owner, state, ...; guarded by {@link #events}. */
    private Object @Nullable [] attachments;

    public Timeline(String requestId, String method, String path, long startNanos, long startEpochMillis,
            TimelineObserver observer) {
        this.requestId = requireNonNull(requestId, "requestId");
        this.method = requireNonNull(method, "method");
        this.path = requireNonNull(path, "path");
        this.startNanos = startNanos;
        this.startEpochMillis = startEpochMillis;
        this.observer = requireNonNull(observer, "observer");
    }

    /**
     * Appends {@code event} and tells the observer, under one lock: observers see a
     * timeline's events one at a time, in the order stored.
     */
    public void add(TimelineEvent event) {
        synchronized (events) {
            events.add(event);
            if (event instanceof TimelineEvent.Finished f) {
                status = f.status();
            }
            observer.onEvent(this, event);
        }
    }

    /**
     * Makes the engine's log lines about this request go through {@code correlation}: an
     * observer calls this when the request starts, with what puts the request's trace ids in
     * the logging context.
     */
    public void correlateLogs(LogCorrelation correlation) {
        this.logCorrelation = requireNonNull(correlation, "correlation");
    }

    /** Writes a log line about this request ({@code line} writes it) with its correlation in place. */
    public void log(Runnable line) {
        logCorrelation.write(line);
    }

    /**
     * Keeps {@code state} with this timeline for {@code owner} (an observer, compared by
     * identity), replacing what it kept before; a null {@code state} drops it. An observer's
     * per-request state lives as long as the timeline and costs no map lookup per event.
     */
    public void attach(Object owner, @Nullable Object state) {
        requireNonNull(owner, "owner");
        synchronized (events) {
            Object[] kept = attachments;
            if (kept == null) {
                if (state != null) {
                    attachments = new Object[] {owner, state};
                }
                return;
            }
            for (int i = 0; i < kept.length; i += 2) {
                if (kept[i] == owner) {
                    if (state != null) {
                        kept[i + 1] = state;
                    } else {
                        Object[] rest = new Object[kept.length - 2];
                        System.arraycopy(kept, 0, rest, 0, i);
                        System.arraycopy(kept, i + 2, rest, i, kept.length - i - 2);
                        attachments = rest.length == 0 ? null : rest;
                    }
                    return;
                }
            }
            if (state != null) {
                Object[] more = java.util.Arrays.copyOf(kept, kept.length + 2);
                more[kept.length] = owner;
                more[kept.length + 1] = state;
                attachments = more;
            }
        }
    }

    /** What {@code owner} keeps with this timeline ({@link #attach}), or null. */
    public @Nullable Object attachment(Object owner) {
        synchronized (events) {
            Object[] kept = attachments;
            if (kept != null) {
                for (int i = 0; i < kept.length; i += 2) {
                    if (kept[i] == owner) {
                        return kept[i + 1];
                    }
                }
            }
            return null;
        }
    }

    /** A snapshot of the events so far. */
    public List<TimelineEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events of one type so far. */
    public <E extends TimelineEvent> List<E> events(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (TimelineEvent e : events()) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The matched route pattern, or null before routing (or when nothing matched). */
    public @Nullable String route() {
        return route;
    }

    public void route(String pattern) {
        this.route = pattern;
    }

    /** The status answered, or 0 while running. */
    public int status() {
        return status;
    }

    /** The ticker reading when the request arrived. */
    public long startNanos() {
        return startNanos;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** The timeline as JSON, for debugging. */
    public String toJson() {
        return TimelineJson.write(this);
    }

    /**
     * The timeline as {@link #toJson()} shows it, in plain maps, lists, strings, numbers,
     * booleans and nulls, for a JSON library to write (the actuator's); a new map on each call.
     */
    public Map<String, Object> toMap() {
        return TimelineJson.map(this);
    }

    /**
     * The timeline as compact JSON of at most {@code maxLength} printable ASCII characters,
     * safe as an HTTP header value. Characters outside printable ASCII are escaped; when the
     * events do not all fit, the first ones that do are kept and {@code "truncated"} counts
     * the others (it is {@code true} when not even the request's own fields fit).
     *
     * @param maxLength at least 18
     */
    public String toJson(int maxLength) {
        return TimelineJson.writeBounded(this, maxLength);
    }
}
