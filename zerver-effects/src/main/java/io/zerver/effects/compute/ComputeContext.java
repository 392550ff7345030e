package io.zerver.effects.compute;

import java.time.Duration;

/** What a running compute task may ask of the runtime. */
public interface ComputeContext {

    /** The task's name. */
    String task();

    /** The thread CPU time the task used so far. */
    Duration cpuUsed();

    /**
     * Checks the CPU budget: under it, returns at once; over it, either yields the
     * compute slot to waiting tasks and returns when it gets one back (park), or throws
     * (reject), as configured.
     */
    void checkpoint();
}
