package io.zerver.autoconfigure.engine;

import io.zerver.core.schedule.OverBudget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** CPU budgets. */
@ConfigurationProperties("zerver.budget")
public class ZerverBudgetProperties {

    /** Thread CPU time one request's steps may use; unset for no budget. */
    private @Nullable Duration requestCpu;

    /** What happens to a request over its budget: park (yield) or reject (503). */
    private OverBudget overBudget = OverBudget.PARK;

    public @Nullable Duration getRequestCpu() {
        return requestCpu;
    }

    public void setRequestCpu(@Nullable Duration requestCpu) {
        this.requestCpu = requestCpu;
    }

    public OverBudget getOverBudget() {
        return overBudget;
    }

    public void setOverBudget(OverBudget overBudget) {
        this.overBudget = overBudget;
    }
}
