package org.onestop.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters, one per client (an address or an API key) and kind of request: in the database, shared by
 * every node ({@link SharedWindows}, {@code onestop.rate-limit.shared}), so that N nodes do not allow N times the
 * limit; in this node's memory when sharing is off, and for a few seconds after the database failed to answer (an
 * outage turns no client away for the limiter's sake, and costs a request no more than one wait for the pool).
 * Real elapsed time (not the engine's clock, which tests hold still) decides when a window ends. Memory is bounded:
 * expired windows are dropped once per window, and whenever more than the configured number of clients are tracked.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** How long the limiter counts in memory after the database failed to answer. */
    static final Duration LOCAL_AFTER_FAILURE = Duration.ofSeconds(5);

    private final RateLimitProperties properties;
    private final LongSupplier nanoTime;
    private final SharedWindows shared;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;
    private volatile long localUntil;

    @Autowired
    RateLimiter(RateLimitProperties properties, SharedWindows shared) {
        this(properties, System::nanoTime, shared);
    }

    /** Counting in this node's memory only. */
    RateLimiter(RateLimitProperties properties, LongSupplier nanoTime) {
        this(properties, nanoTime, null);
    }

    RateLimiter(RateLimitProperties properties, LongSupplier nanoTime, SharedWindows shared) {
        this.properties = properties;
        this.nanoTime = nanoTime;
        this.shared = shared;
        this.lastSweep = nanoTime.getAsLong();
        this.localUntil = lastSweep;
    }

    private static final class Window {
        private long start;
        private int count;

        Window(long start) {
            this.start = start;
        }
    }

    /**
     * Counts one request of this client; empty if it is within the limit, else the seconds until the client may try
     * again (a refused request is not counted).
     */
    public OptionalLong acquire(String client, int limit) {
        if (sharing()) {
            try {
                return shared.acquire(client, limit, properties.getWindow());
            } catch (DataAccessException e) {
                countLocallyForAWhile(e);
            }
        }
        long now = nanoTime.getAsLong();
        long length = properties.getWindow().toNanos();
        sweep(now, length);
        Window window = windows.computeIfAbsent(client, c -> new Window(now));
        synchronized (window) {
            if (now - window.start >= length) {
                window.start = now;
                window.count = 0;
            }
            if (window.count >= limit) {
                long remaining = window.start + length - now;
                return OptionalLong.of(Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L));
            }
            window.count++;
            return OptionalLong.empty();
        }
    }

    /**
     * Whether this client is over the limit, without counting anything: empty if not, else the seconds until the
     * client may try again. (For what is counted only after it happened, such as a failed login.)
     */
    public OptionalLong exceeded(String client, int limit) {
        if (sharing()) {
            try {
                return shared.exceeded(client, limit, properties.getWindow());
            } catch (DataAccessException e) {
                countLocallyForAWhile(e);
            }
        }
        Window window = windows.get(client);
        if (window == null) {
            return OptionalLong.empty();
        }
        long now = nanoTime.getAsLong();
        long length = properties.getWindow().toNanos();
        synchronized (window) {
            if (now - window.start >= length || window.count < limit) {
                return OptionalLong.empty();
            }
            long remaining = window.start + length - now;
            return OptionalLong.of(Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L));
        }
    }

    private boolean sharing() {
        return shared != null && properties.isShared() && nanoTime.getAsLong() - localUntil >= 0;
    }

    private void countLocallyForAWhile(DataAccessException e) {
        localUntil = nanoTime.getAsLong() + LOCAL_AFTER_FAILURE.toNanos();
        log.warn("Rate limits: the database did not answer ({}); counting in this node's memory for {} s",
                e.getMostSpecificCause().getMessage(), LOCAL_AFTER_FAILURE.toSeconds());
    }

    private void sweep(long now, long length) {
        boolean due = now - lastSweep >= length;
        boolean full = windows.size() >= properties.getMaxTrackedClients();
        if (!due && !full) {
            return;
        }
        lastSweep = now;
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window window = it.next();
            synchronized (window) {
                if (now - window.start >= length) {
                    it.remove();
                }
            }
        }
        if (windows.size() >= properties.getMaxTrackedClients()) {
            log.warn("Rate limiter: {} clients in one window, more than the {} tracked; starting afresh", windows.size(),
                    properties.getMaxTrackedClients());
            windows.clear();
        }
    }

    /** How many clients are tracked in this node's memory now. */
    public int tracked() {
        return windows.size();
    }

    /** Forgets every client, in memory and in the database (tests, or an administrator after raising a limit). */
    public void reset() {
        windows.clear();
        if (shared != null) {
            shared.clear();
        }
    }
}
