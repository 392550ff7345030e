package io.zerver.autoconfigure.engine;

import io.zerver.core.schedule.OverBudget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** CPU budgets. Validated at binding: a budget that is not positive fails start-up naming the property. */
@ConfigurationProperties("zerver.budget")
public class ZerverBudgetProperties implements Validator {

    /** Thread CPU time one request's steps may use; unset for no budget. Above 0 when set. */
    private @Nullable Duration requestCpu;

    /** What happens to a request over its budget: park (yield) or reject (503). */
    private OverBudget overBudget = OverBudget.PARK;

    @Override
    public boolean supports(Class<?> type) {
        return ZerverBudgetProperties.class.isAssignableFrom(type);
    }

    /** What the scheduler's configuration accepts: no budget, or a positive one. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverBudgetProperties p = (ZerverBudgetProperties) target;
        if (p.requestCpu != null && (p.requestCpu.isNegative() || p.requestCpu.isZero())) {
            errors.rejectValue("requestCpu", "range", p.requestCpu + " (expected: > 0, or unset for no budget)");
        }
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
