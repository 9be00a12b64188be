package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes' rate limiters on one database allow a client the limit between them, not twice it: each is a
 * {@link RateLimiter} over its own {@link SharedWindows} on the test database (H2, or MariaDB in CI), on a clock the
 * test moves. A limiter whose database does not answer counts in its own memory instead of turning clients away.
 */
class SharedRateLimitsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());
    private final RateLimitProperties properties = new RateLimitProperties();

    private RateLimiter node() {
        return new RateLimiter(properties, System::nanoTime, new SharedWindows(jdbc, millis::get));
    }

    private static String client() {
        return "post|address|test-" + UUID.randomUUID();
    }

    @Test
    void twoNodesAllowTheLimitBetweenThemAndSayWhenToComeBack() {
        RateLimiter a = node();
        RateLimiter b = node();
        String client = client();
        for (int i = 0; i < 30; i++) {
            assertThat((i % 2 == 0 ? a : b).acquire(client, 30)).as("request %d", i).isEmpty();
        }
        millis.addAndGet(Duration.ofSeconds(20).toMillis());
        assertThat(a.acquire(client, 30)).hasValue(40);
        assertThat(b.acquire(client, 30)).hasValue(40);
        assertThat(b.acquire(client(), 30)).as("another client").isEmpty();

        millis.addAndGet(Duration.ofSeconds(40).toMillis());
        assertThat(b.acquire(client, 30)).as("a new window").isEmpty();
        assertThat(a.exceeded(client, 1)).as("one request counted in the new window").hasValue(60);
    }

    @Test
    void exceededLooksAcrossNodesWithoutCounting() {
        RateLimiter a = node();
        RateLimiter b = node();
        String client = "failed-login|address|" + client();
        assertThat(b.exceeded(client, 2)).as("an unknown client").isEmpty();
        a.acquire(client, 2);
        for (int i = 0; i < 5; i++) {
            assertThat(b.exceeded(client, 2)).as("looking counts nothing").isEmpty();
        }
        a.acquire(client, 2);
        millis.addAndGet(Duration.ofSeconds(15).toMillis());
        assertThat(b.exceeded(client, 2)).hasValue(45);
        millis.addAndGet(Duration.ofSeconds(45).toMillis());
        assertThat(b.exceeded(client, 2)).as("a new window").isEmpty();
    }

    @Test
    void concurrentRequestsOnBothNodesNeverCountPastTheLimit() throws Exception {
        RateLimiter a = node();
        RateLimiter b = node();
        String client = client();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> allowed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RateLimiter node = i % 2 == 0 ? a : b;
                allowed.add(threads.submit((Callable<Boolean>) () -> node.acquire(client, 50).isEmpty()));
            }
            int n = 0;
            for (Future<Boolean> f : allowed) {
                n += f.get() ? 1 : 0;
            }
            assertThat(n).isEqualTo(50);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void withoutTheDatabaseANodeCountsInItsOwnMemory() {
        AtomicLong nanos = new AtomicLong(0);
        JdbcTemplate unreachable = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/mem:nowhere"));
        RateLimiter node = new RateLimiter(properties, nanos::get, new SharedWindows(unreachable, millis::get));
        for (int i = 0; i < 3; i++) {
            assertThat(node.acquire("post|address|10.0.0.9", 3)).isEmpty();
        }
        assertThat(node.acquire("post|address|10.0.0.9", 3)).isPresent();
        assertThat(node.tracked()).isEqualTo(1);
    }
}
