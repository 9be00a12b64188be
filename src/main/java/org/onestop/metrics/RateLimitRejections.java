package org.onestop.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.onestop.web.RateLimitRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Requests turned away with 429, by the limit's name only (never the client's address or key). */
@Component
class RateLimitRejections {

    static final String REJECTIONS = "onestop.rate.limit.rejections";

    private final MeterRegistry registry;

    RateLimitRejections(MeterRegistry registry) {
        this.registry = registry;
        // Every limit from the start, at 0: rate() and increase() then work from the first rejection on.
        RateLimitRejected.LIMITS.forEach(this::counter);
    }

    @EventListener
    void on(RateLimitRejected event) {
        counter(event.limit()).increment();
    }

    private Counter counter(String limit) {
        return Counter.builder(REJECTIONS).description("Requests refused with 429 by a rate limit, by the limit's name")
                .tag("limit", limit).register(registry);
    }
}
