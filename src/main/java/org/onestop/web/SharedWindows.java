package org.onestop.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rate limiter's fixed windows in the database ({@code rate_limit_window}), shared by every node: a client's
 * window starts with its first request and lasts {@code onestop.rate-limit.window}, like the in-memory ones. Each
 * count is one atomic single-row update (in the current window and under the limit, or starting a new window), with
 * an insert for a client not seen yet, so concurrent requests on any number of nodes never count past the limit.
 * Statements run on their own (auto-commit), outside any transaction of the request. Time is the wall clock, which
 * the nodes share (NTP); the client is stored as a SHA-256 hash, and ended windows are deleted once per window.
 */
@Component
class SharedWindows {

    private final JdbcTemplate jdbc;
    private final LongSupplier millis;
    private volatile long lastSweep;

    @Autowired
    SharedWindows(JdbcTemplate jdbc) {
        this(jdbc, System::currentTimeMillis);
    }

    SharedWindows(JdbcTemplate jdbc, LongSupplier millis) {
        this.jdbc = jdbc;
        this.millis = millis;
    }

    /** Counts one request; empty if within the limit, else the seconds until the client may try again. */
    OptionalLong acquire(String client, int limit, Duration window) {
        String key = hash(client);
        long now = millis.getAsLong();
        long length = window.toMillis();
        sweep(now, length);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.update("UPDATE rate_limit_window SET hits = hits + 1 WHERE client = ? AND window_start > ? AND hits < ?",
                    key, now - length, limit) == 1) {
                return OptionalLong.empty();
            }
            if (jdbc.update("UPDATE rate_limit_window SET window_start = ?, hits = 1 WHERE client = ? AND window_start <= ?",
                    now, key, now - length) == 1) {
                return OptionalLong.empty();
            }
            List<Long> start = jdbc.queryForList("SELECT window_start FROM rate_limit_window WHERE client = ?", Long.class, key);
            if (!start.isEmpty() && start.get(0) > now - length) {
                return OptionalLong.of(seconds(start.get(0) + length - now));
            }
            if (start.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO rate_limit_window (client, window_start, hits) VALUES (?, ?, 1)", key, now);
                    return OptionalLong.empty();
                } catch (DuplicateKeyException raced) {
                    // Another request (of any node) counted this client's first request at the same moment: count again.
                }
            }
        }
        return OptionalLong.of(1);
    }

    /** Whether the client is over the limit, counting nothing: empty if not, else the seconds until it may try again. */
    OptionalLong exceeded(String client, int limit, Duration window) {
        long now = millis.getAsLong();
        long length = window.toMillis();
        return jdbc.query("SELECT window_start, hits FROM rate_limit_window WHERE client = ?",
                        (row, n) -> row.getLong(1) > now - length && row.getInt(2) >= limit
                                ? OptionalLong.of(seconds(row.getLong(1) + length - now)) : OptionalLong.empty(),
                        hash(client))
                .stream().findFirst().orElse(OptionalLong.empty());
    }

    /** Forgets every client. */
    void clear() {
        jdbc.update("DELETE FROM rate_limit_window");
    }

    private void sweep(long now, long length) {
        if (now - lastSweep >= length) {
            lastSweep = now;
            jdbc.update("DELETE FROM rate_limit_window WHERE window_start <= ?", now - length);
        }
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String hash(String client) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
