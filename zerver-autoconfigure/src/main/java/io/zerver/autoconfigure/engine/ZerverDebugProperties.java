package io.zerver.autoconfigure.engine;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Debugging aids ({@code zerver.debug.*}). */
@ConfigurationProperties("zerver.debug")
public class ZerverDebugProperties {

    /** Timelines of the last requests kept for /actuator/zerver/timelines. */
    private int recentTimelines = 100;

    /**
     * Routes whose responses carry the request's timeline in the X-Zerver-Timeline header:
     * 'METHOD /pattern' ('GET /todos/:id', or 'GET /todos/{id}'), '/pattern' for every
     * method, or '*' for every route. Empty (the default) for none. The timeline shows
     * storage keys, URLs and exception classes to the client.
     */
    private List<String> routes = new ArrayList<>();

    /** Longest X-Zerver-Timeline header; events that do not fit are left out and counted. */
    private DataSize maxHeaderSize = DataSize.ofKilobytes(8);

    public int getRecentTimelines() {
        return recentTimelines;
    }

    public void setRecentTimelines(int recentTimelines) {
        this.recentTimelines = recentTimelines;
    }

    public List<String> getRoutes() {
        return routes;
    }

    public void setRoutes(List<String> routes) {
        this.routes = routes;
    }

    public DataSize getMaxHeaderSize() {
        return maxHeaderSize;
    }

    public void setMaxHeaderSize(DataSize maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }
}
