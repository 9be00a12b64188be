package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimitProperties properties = new RateLimitProperties();
    private final RateLimiter limiter = new RateLimiter(properties, now::get);

    @Test
    void allowsTheLimitInAWindowThenSaysWhenToComeBack() {
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.acquire("post|address|10.0.0.1", 30)).isEmpty();
        }
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.acquire("post|address|10.0.0.1", 30)).hasValue(40);
        assertThat(limiter.acquire("post|address|10.0.0.2", 30)).as("another client").isEmpty();

        now.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(limiter.acquire("post|address|10.0.0.1", 30)).as("a new window").isEmpty();
    }

    @Test
    void memoryStaysBoundedByDroppingExpiredWindows() {
        properties.setMaxTrackedClients(1000);
        for (int i = 0; i < 999; i++) {
            limiter.acquire("get|address|10.1." + (i / 256) + "." + (i % 256), 300);
        }
        assertThat(limiter.tracked()).isEqualTo(999);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        limiter.acquire("get|address|192.0.2.1", 300);
        assertThat(limiter.tracked()).as("the expired windows were dropped").isEqualTo(1);

        for (int i = 0; i < 5000; i++) {
            limiter.acquire("get|address|flood-" + i, 300);
        }
        assertThat(limiter.tracked()).as("never more than the maximum").isLessThanOrEqualTo(1000);
    }

    @Test
    void exceededLooksWithoutCounting() {
        assertThat(limiter.exceeded("failed-login|address|10.0.0.1", 2)).as("an unknown client").isEmpty();
        limiter.acquire("failed-login|address|10.0.0.1", 2);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.exceeded("failed-login|address|10.0.0.1", 2)).as("looking counts nothing").isEmpty();
        }
        limiter.acquire("failed-login|address|10.0.0.1", 2);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(limiter.exceeded("failed-login|address|10.0.0.1", 2)).hasValue(45);
        assertThat(limiter.exceeded("failed-login|address|10.0.0.2", 2)).as("another client").isEmpty();

        now.addAndGet(Duration.ofSeconds(45).toNanos());
        assertThat(limiter.exceeded("failed-login|address|10.0.0.1", 2)).as("a new window").isEmpty();
    }
}
