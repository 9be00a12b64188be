package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases resolved before the business time to resolve was recorded (V35) get it at start-up: office hours (08:30–16:30)
 * on business days between received and resolved; a case measured already keeps its figure, an open one has none.
 */
class BusinessTimeBackfillTest extends IntegrationTest {

    @Autowired
    BusinessTimeBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;

    static Timestamp toronto(String local) {
        return Timestamp.from(LocalDateTime.parse(local).atZone(ZoneId.of("America/Toronto")).toInstant());
    }

    long insert(String reference, String status, String created, String resolved, Long measured) {
        jdbc.update("INSERT INTO service_request (reference, service_code, channel, status, created_by, created_at, resolved_at,"
                        + " updated_at, resolve_business_seconds) VALUES (?, 'pothole', 'WEB', ?, 'test', ?, ?, ?, ?)",
                reference, status, toronto(created), resolved == null ? null : toronto(resolved), toronto(created), measured);
        return jdbc.queryForObject("SELECT id FROM service_request WHERE reference = ?", Long.class, reference);
    }

    Long measured(long id) {
        return jdbc.queryForObject("SELECT resolve_business_seconds FROM service_request WHERE id = ?", Long.class, id);
    }

    @Test
    void casesResolvedBeforeTheColumnAreMeasuredOnce() {
        // Fri 23 April 2032 15:00 → Mon 26 April 10:00 (a period no other test uses): Friday 15:00–16:30 (1.5 h) + Monday 08:30–10:00 (1.5 h) = 3 h.
        long old = insert("BF-2032-000001", "CLOSED", "2032-04-23T15:00", "2032-04-26T10:00", null);
        long measuredAlready = insert("BF-2032-000002", "CLOSED", "2032-04-23T15:00", "2032-04-26T10:00", 42L);
        long open = insert("BF-2032-000003", "IN_PROGRESS", "2032-04-23T15:00", null, null);

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        assertThat(measured(old)).isEqualTo(3 * 3600L);
        assertThat(measured(measuredAlready)).isEqualTo(42L);
        assertThat(measured(open)).isNull();
        assertThat(backfill.run()).isZero();
    }
}
