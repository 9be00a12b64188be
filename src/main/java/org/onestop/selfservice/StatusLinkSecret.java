package org.onestop.selfservice;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated secret of the status links: one row (id 1) in {@code status_link_secret}. The first node to start
 * inserts it; a node starting at the same moment fails on the same primary key and reads the winner's row, so every
 * node computes the same keys.
 */
final class StatusLinkSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StatusLinkSecret() {
    }

    /** Runs outside any transaction (at start-up), so that each statement commits on its own. */
    static byte[] loadOrCreate(JdbcTemplate jdbc, Clock clock) {
        String stored = read(jdbc);
        if (stored == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.update("INSERT INTO status_link_secret (id, secret, created_at) VALUES (1, ?, ?)",
                        Base64.getUrlEncoder().withoutPadding().encodeToString(fresh), Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // fall through to read the row the other node wrote
            }
            stored = read(jdbc);
        }
        if (stored == null) {
            throw new IllegalStateException("the status link secret could not be stored in status_link_secret");
        }
        return Base64.getUrlDecoder().decode(stored);
    }

    private static String read(JdbcTemplate jdbc) {
        List<String> rows = jdbc.queryForList("SELECT secret FROM status_link_secret WHERE id = 1", String.class);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
