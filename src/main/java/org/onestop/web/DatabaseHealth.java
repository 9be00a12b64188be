package org.onestop.web;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} part of {@code /actuator/health}, in place of Spring Boot's, which waits as long as the pool does for
 * a connection: this one answers within {@link #TIMEOUT}, DOWN if the database has not answered by then. The check
 * takes a pooled connection and validates it on a thread of its own; a check still running when the next health
 * request comes is waited for again rather than started twice, so a database that hangs ties up one thread only.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final DataSource dataSource;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "onestop-database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Future<Health> check;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = checks.submit(this::check);
            }
            check = running;
        }
        try {
            return check.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer from the database within " + TIMEOUT.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, TIMEOUT.toSeconds());
            return connection.isValid(seconds)
                    ? Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build()
                    : Health.down().withDetail("error", "the connection did not validate").build();
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
