package org.onestop.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.shared.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage the webhooks' subscriptions ({@code /api/webhooks}) and read what was sent to each, attempt by
 * attempt. A subscription's secret is generated here and returned once, in the answer to its creation.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Outgoing webhooks: back-office systems subscribe a URL to case events, signed with HMAC-SHA256")
class WebhooksApi {

    private final WebhookAdmin admin;
    private final CaseAccessPolicy policy;
    private final ObjectMapper json;

    WebhooksApi(WebhookAdmin admin, CaseAccessPolicy policy, ObjectMapper json) {
        this.admin = admin;
        this.policy = policy;
        this.json = json;
    }

    /** A new subscription: the URL to post to, the events it wants, and a note on what it is for. */
    record SubscriptionBody(String url, List<String> events, String description) {
    }

    /** A subscription as listed: never its secret. */
    record Subscription(long id, String url, List<String> events, String description, boolean active, Instant createdAt,
                        String createdBy, Instant deletedAt) {

        static Subscription of(WebhookSubscription s) {
            return new Subscription(s.getId(), s.getUrl(), s.events(), s.getDescription(), s.isActive(), s.getCreatedAt(),
                    s.getCreatedBy(), s.getDeletedAt());
        }
    }

    /** A subscription just made, with the secret that signs its deliveries: shown this once. */
    record CreatedSubscription(Subscription subscription, String secret) {
    }

    record Attempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    /** A delivery: its id (the X-OneStop-Delivery header), the event, the body sent, where it stands, and each attempt. */
    record Delivery(long id, String event, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                    Instant deliveredAt, Map<String, Object> body, List<Attempt> attemptLog) {
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "The webhook subscriptions, deleted ones too (never their secrets)")
    @ApiAccess(who = "administrators", forbidden = "the caller is not an administrator")
    List<Subscription> list(Authentication user) {
        requireAdmin(user);
        return admin.all().stream().map(Subscription::of).toList();
    }

    @PostMapping
    @Operation(operationId = "addWebhook", summary = "Subscribe a URL to case events; the answer holds the signing secret, shown only this once")
    @ApiAccess(who = "administrators", forbidden = "the caller is not an administrator")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSubscription add(@RequestBody SubscriptionBody body, Authentication user) {
        requireAdmin(user);
        WebhookAdmin.Created created = admin.subscribe(body.url(), body.events(), body.description(), user.getName());
        return new CreatedSubscription(Subscription.of(created.subscription()), created.secret());
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription: nothing more is sent to it; its deliveries stay on record")
    @ApiAccess(who = "administrators", forbidden = "the caller is not an administrator")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Authentication user) {
        requireAdmin(user);
        admin.delete(id, user.getName());
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's deliveries, newest first, each with every attempt "
            + "(HTTP status, error, time)")
    @ApiAccess(who = "administrators", forbidden = "the caller is not an administrator")
    List<Delivery> deliveries(@PathVariable long id, @RequestParam(defaultValue = "50") int limit, Authentication user) {
        requireAdmin(user);
        return admin.deliveries(id, limit).stream().map(this::delivery).toList();
    }

    private Delivery delivery(WebhookAdmin.DeliveryLog log) {
        WebhookDelivery d = log.delivery();
        return new Delivery(d.getId(), d.getEvent(), d.getStatus().toLowerCase(java.util.Locale.ROOT), d.getAttempts(), d.getCreatedAt(),
                d.getNextAttemptAt(), d.getDeliveredAt(), body(d.getBody()),
                log.attempts().stream().map(a -> new Attempt(a.getAttempt(), a.getAttemptedAt(), a.getStatusCode(), a.getError(),
                        a.getDurationMs())).toList());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireAdmin(Authentication user) {
        if (!policy.mayManageWebhooks(StaffMember.of(user))) {
            throw new AccessDeniedException("only administrators manage webhooks");
        }
    }
}
