package org.onestop.owners;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onestop.cases.CaseIntakeFailed;
import org.onestop.models.ModelDeployed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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

    OwnerRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The intake's own transaction has rolled back: the failure is written in a transaction of its own. Never throws
     * (the intake's answer is already a 500 and must stay the intake's).
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseIntakeFailed failure) {
        try {
            jdbc.update("INSERT INTO intake_failure (service_code, channel, failed_at, reason) VALUES (?, ?, ?, ?)",
                    failure.serviceCode(), failure.channel().code(), Timestamp.from(failure.at()), failure.reason());
        } catch (RuntimeException e) {
            log.warn("Could not record the failed intake of {}: {}", failure.serviceCode(), e.getMessage());
        }
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
