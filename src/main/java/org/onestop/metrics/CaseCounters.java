package org.onestop.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.onestop.cases.CaseEventRecorded;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.CaseIntakeFailed;
import org.onestop.cases.Channel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Cases opened (by service and channel), resolved (by service, within or outside the standard) and intakes that failed
 * on the city's side (by service and channel), counted from the cases feature's events. Opened and resolved count
 * after the transaction committed: an intake that rolled back was never opened.
 */
@Component
class CaseCounters {

    static final String OPENED = "onestop.cases.opened";
    static final String RESOLVED = "onestop.cases.resolved";
    static final String INTAKES_FAILED = "onestop.intakes.failed";

    static final String WITHIN_STANDARD = "within_standard";
    static final String OUTSIDE_STANDARD = "outside_standard";
    static final String NO_STANDARD = "no_standard";

    private final MeterRegistry registry;

    CaseCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseEventRecorded event) {
        if (event.type() == CaseEventType.SUBMITTED) {
            Counter.builder(OPENED).description("Cases opened, by service and the channel they came in by")
                    .tag("service", event.serviceCode()).tag("channel", channel(event.channel()))
                    .register(registry).increment();
        } else if (event.type() == CaseEventType.RESOLVED) {
            Counter.builder(RESOLVED).description("Cases resolved, by service and whether within their service standard "
                            + "(resolved by the resolve-by date)")
                    .tag("service", event.serviceCode()).tag("outcome", outcome(event))
                    .register(registry).increment();
        }
    }

    @EventListener
    void on(CaseIntakeFailed event) {
        Counter.builder(INTAKES_FAILED).description("Intakes that failed on the city's side (rolled back for anything "
                        + "but the request's own mistakes), by service and channel")
                .tag("service", event.serviceCode()).tag("channel", channel(event.channel()))
                .register(registry).increment();
    }

    static String outcome(CaseEventRecorded event) {
        if (event.resolveBy() == null || event.occurredAt() == null) {
            return NO_STANDARD;
        }
        return event.occurredAt().isAfter(event.resolveBy()) ? OUTSIDE_STANDARD : WITHIN_STANDARD;
    }

    private static String channel(Channel channel) {
        return channel == null ? "unknown" : channel.code();
    }
}
