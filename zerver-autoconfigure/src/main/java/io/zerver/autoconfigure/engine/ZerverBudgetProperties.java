package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.schedule.SchedulerConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/** CPU budgets ({@code zerver.budget.*}), checked at binding against {@link SchedulerConfig}. */
@ConfigurationProperties("zerver.budget")
public class ZerverBudgetProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverBudgetProperties.class,
            p -> ZerverEngineAutoConfiguration.schedulerConfig(new ZerverSchedulerProperties(), p))
            .field("requestCpuBudget", "requestCpu").unsetMeans("requestCpu", "no budget");

    /** Thread CPU time one request's steps may use; unset for no budget. Above 0 when set. */
    private @Nullable Duration requestCpu;

    /** What happens to a request over its budget: park (yield) or reject (503). */
    private OverBudget overBudget = OverBudget.PARK;

    @Override
    public Validator coreChecks() {
        return CORE;
    }

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
