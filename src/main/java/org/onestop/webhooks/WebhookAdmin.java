package org.onestop.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' side of the webhooks: subscribe, list, delete, and read a subscription's deliveries. */
@Service
class WebhookAdmin {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_DELIVERIES = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final Clock clock;

    WebhookAdmin(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, WebhookAttempts attempts, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** A new subscription and its secret, which is shown this once. */
    record Created(WebhookSubscription subscription, String secret) {
    }

    /** The deliveries of a subscription, newest first, each with its attempts. */
    record DeliveryLog(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    @Transactional
    Created subscribe(String url, List<String> events, String description, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            errors.put("url", "the address to post to is required, such as https://workorders.example.org/onestop");
        } else if (u.length() > MAX_URL || !httpUrl(u)) {
            errors.put("url", "must be an absolute http or https address with a host, at most " + MAX_URL + " characters");
        }
        Set<String> known = WebhookEvents.names();
        List<String> wanted = events == null ? List.of() : events.stream()
                .map(e -> e == null ? "" : e.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (wanted.isEmpty()) {
            errors.put("events", "name at least one event: " + String.join(", ", known));
        } else {
            List<String> unknown = wanted.stream().filter(e -> !known.contains(e)).toList();
            if (!unknown.isEmpty()) {
                errors.put("events", "unknown event " + unknown.stream().map(e -> "'" + e + "'").collect(Collectors.joining(", "))
                        + "; the events are " + String.join(", ", known));
            }
        }
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            errors.put("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        return new Created(subscriptions.save(new WebhookSubscription(u, secret, wanted, d, clock.instant(), by)), secret);
    }

    @Transactional(readOnly = true)
    List<WebhookSubscription> all() {
        return subscriptions.findAllByOrderByIdAsc();
    }

    /** Deactivates the subscription (its deliveries stay on record); what still waits to go does not. */
    @Transactional
    void delete(long id, String by) {
        WebhookSubscription subscription = find(id);
        if (subscription.isActive()) {
            subscription.delete(clock.instant(), by);
            deliveries.cancelWaiting(id);
        }
    }

    @Transactional(readOnly = true)
    List<DeliveryLog> deliveries(long id, int limit) {
        find(id);
        List<WebhookDelivery> recent = deliveries.findBySubscriptionIdOrderByIdDesc(id, PageRequest.of(0, Math.max(1, Math.min(limit, MAX_DELIVERIES))));
        Map<Long, List<WebhookAttempt>> byDelivery = attempts.findByDeliveryIdInOrderByDeliveryIdAscAttemptAsc(
                        recent.stream().map(WebhookDelivery::getId).toList()).stream()
                .collect(Collectors.groupingBy(WebhookAttempt::getDeliveryId, LinkedHashMap::new, Collectors.toList()));
        List<DeliveryLog> log = new ArrayList<>();
        for (WebhookDelivery delivery : recent) {
            log.add(new DeliveryLog(delivery, byDelivery.getOrDefault(delivery.getId(), List.of())));
        }
        return log;
    }

    private WebhookSubscription find(long id) {
        return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("no webhook subscription " + id));
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
