package org.onestop.notifications;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each notice is claimed in its own transaction (one node gets it), delivered, and its result
 * recorded in another, so a sender that stops mid-batch leaves the rest pending and sends nothing twice. Failures
 * are retried with a growing delay and recorded; after the last attempt the notice is marked failed.
 */
@Component
public class OutboxSender implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Notifications notifications;
    private final Map<String, DeliveryChannel> channels;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration lease;
    private final Duration poll;
    private final boolean scheduled;
    private final String node;

    OutboxSender(Notifications notifications, List<DeliveryChannel> channels, TransactionTemplate transactions, Clock clock,
                 NotificationProperties settings) {
        this.notifications = notifications;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::name, Function.identity()));
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.maxAttempts = settings.maxAttempts();
        this.backoff = settings.retryBackoff();
        this.lease = settings.lease();
        this.poll = settings.poll();
        this.scheduled = settings.scheduled();
        this.node = nodeName();
    }

    /** Every {@code onestop.notifications.poll}, unless {@code onestop.notifications.scheduled} is off. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (scheduled) {
            registrar.addFixedDelayTask(new FixedDelayTask(() -> deliverDue(batchSize), poll, poll));
        }
    }

    /** Delivers up to {@code limit} due notices; returns how many were delivered. */
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> notifications.releaseStale(now.minus(lease), now));
        List<Long> due = transactions.execute(tx -> notifications.due(now, PageRequest.of(0, limit)));
        int delivered = 0;
        for (Long id : due) {
            Notification notice = transactions.execute(tx -> notifications.claim(id, node, clock.instant()) == 1
                    ? notifications.findById(id).orElse(null) : null);
            if (notice == null) {
                continue;
            }
            DeliveryChannel channel = channels.get(notice.getChannel());
            if (channel == null || !channel.ready()) {
                record(id, "no " + notice.getChannel() + " channel configured", false);
                continue;
            }
            try {
                channel.deliver(notice);
                record(id, null, true);
                delivered++;
            } catch (Exception e) {
                // The error (which may name the address) is kept on the notice; the log names neither.
                log.warn("Notice {} by {} not delivered (attempt {}): {}", id, notice.getChannel(), notice.getAttempts() + 1,
                        e.getClass().getSimpleName());
                record(id, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            }
        }
        return delivered;
    }

    private void record(Long id, String error, boolean sent) {
        transactions.executeWithoutResult(tx -> notifications.findById(id).ifPresent(n -> {
            Instant now = clock.instant();
            if (sent) {
                n.sent(now);
            } else {
                boolean giveUp = n.getAttempts() + 1 >= maxAttempts;
                n.failed(error, now.plus(backoff.multipliedBy(1L << Math.min(n.getAttempts(), 10))), giveUp);
            }
        }));
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        } catch (Exception e) {
            return "node/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
