package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import reactor.core.scheduler.Schedulers;

/**
 * A {@code DataSource} that records the threads asking it for connections and, once
 * closed, holds them until opened again.
 */
final class GatedDataSource extends DelegatingDataSource {

    final List<String> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger onNonBlockingThreads = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    GatedDataSource(DataSource target) {
        super(target);
    }

    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public Connection getConnection() throws SQLException {
        threads.add(Thread.currentThread().getName());
        if (Schedulers.isInNonBlockingThread()) {
            onNonBlockingThreads.incrementAndGet();
        }
        waiting.incrementAndGet();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new SQLException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted at the gate", e);
        } finally {
            waiting.decrementAndGet();
        }
        return super.getConnection();
    }
}
