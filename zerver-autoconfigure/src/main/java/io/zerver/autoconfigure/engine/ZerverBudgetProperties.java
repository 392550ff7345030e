package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.schedule.SchedulerConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * CPU budgets ({@code zerver.budget.*}), checked at binding against {@link SchedulerConfig}.
 *
 * @param requestCpu Thread CPU time one request's steps may use; unset for no budget. Above 0 when set.
 * @param overBudget What happens to a request over its budget: park (yield) or reject (503).
 */
@ConfigurationProperties("zerver.budget")
public record ZerverBudgetProperties(@Nullable Duration requestCpu, @DefaultValue("park") OverBudget overBudget)
        implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverBudgetProperties.class,
            p -> ZerverEngineAutoConfiguration.schedulerConfig(CoreChecked.defaults(ZerverSchedulerProperties.class), p))
            .field("requestCpuBudget", "requestCpu").unsetMeans("requestCpu", "no budget");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
