package org.onestop.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the webhooks' outbox. Each delivery is claimed in its own transaction (one node gets it), posted outside any
 * transaction (no connection is held while the subscriber answers), and its attempt recorded in another: a 2xx answer
 * delivers it; anything else (another status, a time-out, a refused connection, a redirect) is recorded and retried
 * after {@code retry-backoff}, doubling each time, until {@code max-attempts}, then it is marked failed.
 */
@Component
class WebhookSender implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookAttempts attempts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookProperties settings;
    private final HttpClient client;
    private final String node;

    WebhookSender(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, WebhookAttempts attempts,
                  TransactionTemplate transactions, Clock clock, WebhookProperties settings) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.node = nodeName();
    }

    /** Every {@code onestop.webhooks.poll}, unless {@code onestop.webhooks.scheduled} is off. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.scheduled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(() -> sendDue(settings.batchSize()), settings.poll(), settings.poll()));
        }
    }

    /** Sends up to {@code limit} due deliveries; returns how many were delivered. */
    int sendDue(int limit) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> deliveries.releaseStale(now.minus(settings.lease()), now));
        List<Long> due = transactions.execute(tx -> deliveries.due(now, PageRequest.of(0, limit)));
        int delivered = 0;
        for (Long id : due) {
            Claimed claimed = transactions.execute(tx -> claim(id));
            if (claimed != null && send(claimed)) {
                delivered++;
            }
        }
        return delivered;
    }

    private record Claimed(WebhookDelivery delivery, WebhookSubscription subscription) {
    }

    private Claimed claim(Long id) {
        if (deliveries.claim(id, node, clock.instant()) != 1) {
            return null;
        }
        WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
        WebhookSubscription subscription = subscriptions.findById(delivery.getSubscriptionId()).orElseThrow();
        if (!subscription.isActive()) {
            delivery.cancelled();
            return null;
        }
        return new Claimed(delivery, subscription);
    }

    private boolean send(Claimed claimed) {
        WebhookDelivery delivery = claimed.delivery();
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(claimed.subscription().getUrl()))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "OneStop-Webhooks")
                    .header("X-OneStop-Event", delivery.getEvent())
                    .header("X-OneStop-Delivery", String.valueOf(delivery.getId()))
                    .header("X-OneStop-Timestamp", String.valueOf(started.getEpochSecond()))
                    .header(WebhookSignature.HEADER, WebhookSignature.of(claimed.subscription().getSecret(), delivery.getBody()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.getBody()))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        boolean ok = error == null;
        if (!ok) {
            log.warn("Webhook delivery {} to subscription {} failed (attempt {}): {}", delivery.getId(), delivery.getSubscriptionId(),
                    delivery.getAttempts() + 1, error);
        }
        record(delivery.getId(), started, status, error, millis);
        return ok;
    }

    private void record(Long id, Instant at, Integer status, String error, long millis) {
        transactions.executeWithoutResult(tx -> deliveries.findById(id).ifPresent(d -> {
            attempts.save(new WebhookAttempt(id, d.getAttempts() + 1, at, status, error, millis));
            Instant now = clock.instant();
            if (error == null) {
                d.delivered(now);
            } else {
                boolean giveUp = d.getAttempts() + 1 >= settings.maxAttempts();
                d.failed(now.plus(settings.retryBackoff().multipliedBy(1L << Math.min(d.getAttempts(), 10))), giveUp);
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
