package org.onestop.owners;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.onestop.cases.CaseIntakeFailed;
import org.onestop.models.ModelDeployed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the engine does not record and the "What is live" page shows: the intakes that failed (table
 * {@code intake_failure}) and who deployed a deployment ({@code model_deployment}).
 */
@Component
class OwnerRecords {

    private static final Logger log = LoggerFactory.getLogger(OwnerRecords.class);

    /** A failed intake as the page shows it: no case, no person, no answers. */
    record IntakeFailure(String serviceCode, String channel, Instant at, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /**
     * Writes the failures. The event comes while the failed intake's transaction completes and its connection is still
     * held: writing there would take a second pool connection (with the pool busy, a 30 s wait for everyone). One
     * thread writes them after the request has let its connection go, one short autocommit insert each; a burst beyond
     * the queue is logged and not recorded.
     */
    private final ThreadPoolExecutor recorder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200),
            runnable -> {
                Thread thread = new Thread(runnable, "intake-failure-recorder");
                thread.setDaemon(true);
                return thread;
            },
            (runnable, executor) -> log.warn("Too many failed intakes at once: one was not recorded for the process owners"));

    OwnerRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The intake's own transaction has rolled back: the failure is recorded once the request has let go of its
     * connection, outside any transaction. Never throws (the intake's answer is already a 500 and must stay the intake's).
     */
    @EventListener
    public void on(CaseIntakeFailed failure) {
        recorder.execute(() -> {
            try {
                jdbc.update("INSERT INTO intake_failure (service_code, channel, failed_at, reason) VALUES (?, ?, ?, ?)",
                        failure.serviceCode(), failure.channel().code(), Timestamp.from(failure.at()), failure.reason());
            } catch (RuntimeException e) {
                log.warn("Could not record the failed intake of {}: {}", failure.serviceCode(), e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        recorder.shutdown();
        recorder.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** In the deployment's transaction: refused or rolled back, the row goes too. */
    @EventListener
    public void on(ModelDeployed deployed) {
        jdbc.update("INSERT INTO model_deployment (deployment_id, deployed_by, deployed_at) VALUES (?, ?, ?)",
                deployed.deploymentId(), deployed.userId(), Timestamp.from(clock.instant()));
    }

    Optional<String> deployedBy(String deploymentId) {
        return jdbc.query("SELECT deployed_by FROM model_deployment WHERE deployment_id = ?",
                (rs, n) -> rs.getString(1), deploymentId).stream().findFirst();
    }

    long failuresSince(String serviceCode, Instant since) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM intake_failure WHERE service_code = ? AND failed_at >= ?",
                Long.class, serviceCode, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    /** The newest failures of a service since a time, newest first, at most {@code limit}. */
    List<IntakeFailure> failures(String serviceCode, Instant since, int limit) {
        return jdbc.query("SELECT service_code, channel, failed_at, reason FROM intake_failure WHERE service_code = ? AND failed_at >= ?"
                        + " ORDER BY failed_at DESC, id DESC LIMIT " + limit,
                (rs, n) -> new IntakeFailure(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                serviceCode, Timestamp.from(since));
    }
}
