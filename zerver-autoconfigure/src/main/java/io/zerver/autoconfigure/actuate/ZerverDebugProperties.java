package io.zerver.autoconfigure.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Debugging aids. */
@ConfigurationProperties("zerver.debug")
public class ZerverDebugProperties {

    /** Timelines of the last requests kept for /actuator/zerver/timelines. */
    private int recentTimelines = 100;

    public int getRecentTimelines() {
        return recentTimelines;
    }

    public void setRecentTimelines(int recentTimelines) {
        this.recentTimelines = recentTimelines;
    }
}
