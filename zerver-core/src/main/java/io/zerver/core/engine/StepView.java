package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Headers;
import io.zerver.core.http.RequestIds;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.SlotStateException;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import io.zerver.core.step.UndeclaredSlotException;
import io.zerver.core.timeline.TimelineEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A step's view of an exchange: enforces the step's declared reads and writes. */
final class StepView implements StepContext {

    private final Exchange exchange;
    private final Step step;

    StepView(Exchange exchange, Step step) {
        this.exchange = exchange;
        this.step = step;
    }

    @Override
    public <T> T require(Slot<T> slot) {
        checkRead(slot);
        T value = exchange.slots().read(slot);
        if (value == null) {
            throw new SlotStateException("step '" + step.name() + "' requires slot '" + slot.name()
                    + "', which was never written");
        }
        return value;
    }

    @Override
    public <T> Optional<T> optional(Slot<T> slot) {
        checkRead(slot);
        return Optional.ofNullable(exchange.slots().read(slot));
    }

    @Override
    public <T> void put(Slot<T> slot, T value) {
        if (!step.mayWrite(slot)) {
            throw new UndeclaredSlotException(step.name(), "writes", slot.name());
        }
        exchange.slots().write(slot, value, step.name());
    }

    private void checkRead(Slot<?> slot) {
        if (!step.mayRead(slot)) {
            throw new UndeclaredSlotException(step.name(), "reads", slot.name());
        }
    }

    @Override
    public String stepName() {
        return step.name();
    }

    @Override
    public String method() {
        return exchange.request().method();
    }

    @Override
    public String path() {
        return exchange.request().path();
    }

    @Override
    public String route() {
        return exchange.route();
    }

    @Override
    public Optional<String> param(String name) {
        return Optional.ofNullable(exchange.params().get(name));
    }

    @Override
    public Map<String, String> params() {
        return exchange.params();
    }

    @Override
    public Optional<String> query(String name) {
        List<String> values = exchange.facts().query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> queryAll(String name) {
        List<String> values = exchange.facts().query().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public Optional<String> header(String name) {
        return exchange.request().headers().first(name);
    }

    @Override
    public Headers headers() {
        return exchange.request().headers();
    }

    @Override
    public byte[] body() {
        return exchange.request().body().clone();
    }

    @Override
    public String bodyText() {
        return new String(exchange.request().body(), StandardCharsets.UTF_8);
    }

    @Override
    public <T> T body(Class<T> type) {
        return exchange.settings().bodies().read(exchange.request().body(), requireNonNull(type, "type"));
    }

    @Override
    public Object json() {
        return exchange.facts().json(exchange.settings().limits().maxJsonDepth());
    }

    @Override
    public Optional<InetSocketAddress> clientAddress() {
        return Optional.ofNullable(exchange.request().clientAddress());
    }

    @Override
    public String requestId() {
        return exchange.requestId();
    }

    @Override
    public Instant deadline() {
        return now().plusNanos(Math.max(0, exchange.clock().remainingNanos()));
    }

    @Override
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, exchange.clock().remainingNanos()));
    }

    @Override
    public Duration elapsed() {
        return Duration.ofNanos(exchange.clock().elapsed());
    }

    @Override
    public Instant now() {
        return exchange.settings().clock().instant();
    }

    @Override
    public RandomGenerator random() {
        return exchange.settings().random().get();
    }

    @Override
    public String newId() {
        return RequestIds.generate(random());
    }

    @Override
    public Optional<ZerverError> lastError() {
        return exchange.lastError();
    }

    @Override
    public void onExit(Runnable callback) {
        exchange.lifetime().onExit(callback);
    }

    @Override
    public void debug(String message) {
        exchange.timeline().add(new TimelineEvent.Debug(exchange.clock().elapsed(),
                step.name(), message));
    }
}
