package org.onestop.webhooks;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.cases.CaseEventRecorded;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.Visibility;
import org.onestop.catalogue.ServiceCatalogue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the webhooks' outbox: for each case milestone a subscription wants, one delivery, in the transaction that wrote
 * the milestone on the case's timeline (so a delivery exists exactly when its milestone committed). The body carries
 * no person and no free text: the event, when, and the case's reference, service, status and expected date; the ward
 * only for a public service.
 */
@Component
class WebhookEvents {

    /** The milestones a subscription may ask for: the public changes of a case, and its work order. */
    static final Set<CaseEventType> MILESTONES = EnumSet.of(CaseEventType.SUBMITTED, CaseEventType.ROUTED, CaseEventType.ACKNOWLEDGED,
            CaseEventType.STATUS_CHANGED, CaseEventType.RESOLVED, CaseEventType.CLOSED, CaseEventType.REFERRED, CaseEventType.CANCELLED,
            CaseEventType.TRANSFERRED, CaseEventType.DUPLICATE, CaseEventType.REOPENED, CaseEventType.WORK_ORDER_CREATED,
            CaseEventType.WORK_ORDER_UPDATED);
    private static final Set<CaseEventType> INTERNAL_MILESTONES = EnumSet.of(CaseEventType.WORK_ORDER_CREATED, CaseEventType.WORK_ORDER_UPDATED);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final ServiceCatalogue catalogue;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookEvents(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, ServiceCatalogue catalogue, ObjectMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.catalogue = catalogue;
        this.json = json;
        this.clock = clock;
    }

    /** The event names a subscription may list (the timeline's type codes: {@code resolved}, {@code work_order_created}…). */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        MILESTONES.forEach(type -> names.add(type.code()));
        return names;
    }

    /** Synchronous: runs in the transaction that wrote the timeline entry (every entry is written in one). */
    @EventListener
    void on(CaseEventRecorded event) {
        if (!MILESTONES.contains(event.type())
                || event.visibility() != Visibility.PUBLIC && !INTERNAL_MILESTONES.contains(event.type())) {
            return;
        }
        List<WebhookSubscription> wanting = subscriptions.findByActiveTrueOrderByIdAsc().stream()
                .filter(s -> s.wants(event.type().code())).toList();
        if (wanting.isEmpty()) {
            return;
        }
        String body = body(event);
        for (WebhookSubscription subscription : wanting) {
            if (!deliveries.existsBySubscriptionIdAndCaseEventId(subscription.getId(), event.caseEventId())) {
                deliveries.save(new WebhookDelivery(subscription.getId(), event.caseId(), event.caseEventId(), event.type().code(), body,
                        clock.instant()));
            }
        }
    }

    private String body(CaseEventRecorded event) {
        boolean privateCase = catalogue.isPrivate(event.serviceCode());
        Map<String, Object> kase = new LinkedHashMap<>();
        kase.put("reference", event.reference());
        kase.put("serviceCode", event.serviceCode());
        kase.put("status", event.status() == null ? null : event.status().code());
        kase.put("private", privateCase);
        kase.put("ward", privateCase ? null : event.ward());
        kase.put("expectedBy", event.resolveBy() == null ? null : event.resolveBy().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.type().code());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("case", kase);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
