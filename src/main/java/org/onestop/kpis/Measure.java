package org.onestop.kpis;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every performance measure, defined once: its id (the JSON key and the CSV's measure column), name, unit and what it
 * counts. The README's "Performance measures" table is this list ({@code KpisTest} checks every row is there). "The
 * period" is [from, to) in the city's time zone; case measures count the cases <em>received</em> in the period, contact
 * measures the contacts that <em>ended</em> in it, survey measures the surveys <em>issued</em> in it.
 */
public enum Measure {
    REQUESTS(Family.CASES, "requests", "Requests received", "count",
            "cases received in the period, every channel and status"),
    ACKNOWLEDGED(Family.CASES, "acknowledged", "Acknowledged", "count",
            "of the requests, those acknowledged by the department (the latest acknowledgement after a reopening)"),
    AVERAGE_SPEED_OF_RESPONSE(Family.CASES, "average-speed-of-response-hours", "Average speed of response", "hours",
            "mean of received → acknowledged over the acknowledged requests, in calendar hours"),
    ACKNOWLEDGE_DUE(Family.CASES, "acknowledge-due", "Counted against the acknowledgement standard", "count",
            "requests with an acknowledge-by date that are acknowledged or past that date now (cancelled and duplicates left out)"),
    ACKNOWLEDGED_WITHIN_STANDARD(Family.CASES, "acknowledged-within-standard", "Acknowledged within standard", "count",
            "of those, acknowledged at or before the acknowledge-by date stored on the case when it was routed (the standard in force at creation)"),
    ACKNOWLEDGED_WITHIN_STANDARD_PCT(Family.CASES, "acknowledged-within-standard-pct", "% acknowledged within standard", "%",
            "acknowledged within standard ÷ counted against the acknowledgement standard × 100"),
    RESOLVED(Family.CASES, "resolved", "Resolved", "count",
            "of the requests, those resolved now (closed, referred; duplicates left out)"),
    AVERAGE_TIME_TO_RESOLVE(Family.CASES, "average-time-to-resolve-hours", "Average time to resolve", "hours",
            "mean of received → resolved over the resolved requests, in calendar hours"),
    AVERAGE_TIME_TO_RESOLVE_BUSINESS(Family.CASES, "average-time-to-resolve-business-hours", "Average time to resolve, business time", "hours",
            "mean of received → resolved over the resolved requests, in office hours on business days (onestop.calendar.*), measured when the case was resolved"),
    RESOLVE_DUE(Family.CASES, "resolve-due", "Counted against the resolution standard", "count",
            "requests with a resolve-by date that are resolved, or open and past that date now (cancelled and duplicates left out)"),
    RESOLVED_WITHIN_STANDARD(Family.CASES, "resolved-within-standard", "Resolved within standard", "count",
            "of those, resolved at or before the resolve-by date stored on the case (set at routing; moved only by waiting for the customer or a transfer)"),
    RESOLVED_WITHIN_STANDARD_PCT(Family.CASES, "resolved-within-standard-pct", "% resolved within standard", "%",
            "resolved within standard ÷ counted against the resolution standard × 100"),
    OPEN(Family.CASES, "open", "Open now", "count", "of the requests, those open now"),
    OVERDUE(Family.CASES, "overdue", "Overdue now", "count", "of the requests, those open now and past their resolve-by date"),
    OVERDUE_PCT(Family.CASES, "overdue-pct", "% overdue now", "%", "overdue now ÷ open now × 100"),
    TRANSFERS_PER_CASE(Family.CASES, "transfers-per-case", "Transfers per case", "ratio",
            "transfers of the requests to another department ÷ requests"),
    TRANSFERRED_PCT(Family.CASES, "transferred-pct", "% transferred", "%", "requests transferred at least once ÷ requests × 100"),
    REOPENED(Family.CASES, "reopened", "Reopened", "count", "requests reopened at least once (\"not fixed\")"),
    REOPEN_RATE_PCT(Family.CASES, "reopen-rate-pct", "Reopen rate", "%",
            "reopened ÷ requests resolved at least once (resolved now, or reopened) × 100"),
    SURVEYS_ISSUED(Family.SURVEY, "surveys-issued", "Surveys sent", "count",
            "follow-up surveys issued in the period (one per resolution with a reachable resident)"),
    SURVEY_RESPONSES(Family.SURVEY, "survey-responses", "Survey responses", "count", "of those, the answered ones"),
    SURVEY_RESPONSE_RATE_PCT(Family.SURVEY, "survey-response-rate-pct", "Survey response rate", "%",
            "survey responses ÷ surveys sent × 100"),
    SATISFACTION(Family.SURVEY, "satisfaction", "Client satisfaction", "rating 1–5", "mean rating of the survey responses"),
    EASE_OF_EFFORT(Family.SURVEY, "ease-of-effort", "Ease of effort", "rating 1–5",
            "mean answer to \"How easy was it to get this done?\" (1 very hard – 5 very easy) over the survey responses that answered it"),
    EASY_PCT(Family.SURVEY, "easy-pct", "% easy", "%",
            "survey responses answering 4 or 5 to \"How easy was it to get this done?\" ÷ survey responses that answered it × 100"),
    SURVEY_FIXED_PCT(Family.SURVEY, "survey-fixed-pct", "% fixed (resident's word)", "%",
            "survey responses saying the problem is fixed ÷ survey responses × 100"),
    CONTACTS(Family.CONTACTS, "contacts", "Contacts", "count", "contacts in the contact centre's log that ended in the period"),
    FIRST_CONTACT_RESOLUTION_PCT(Family.CONTACTS, "first-contact-resolution-pct", "First-contact resolution rate", "%",
            "contacts resolved there and then without a case (answered, or referred to another authority) ÷ contacts × 100"),
    AVERAGE_HANDLE_TIME(Family.CONTACTS, "average-handle-seconds", "Average handle time", "seconds",
            "mean of the contacts' handle times (taken → wrapped up)"),
    P90_HANDLE_TIME(Family.CONTACTS, "p90-handle-seconds", "90th percentile handle time", "seconds",
            "the handle time 90% of the contacts took at most (nearest rank), to its bucket's upper bound (10 s up to 10 min, 1 min up to 1 h, 15 min beyond)"),
    WITHIN_OPTIMUM_HANDLE_TIME_PCT(Family.CONTACTS, "within-optimum-handle-time-pct", "% within optimum handle time", "%",
            "contacts handled within their channel's optimum (onestop.kpis.optimum-handle-time) ÷ contacts on channels with an optimum × 100"),
    CONTACT_COST(Family.CONTACTS, "contact-cost", "Cost of contacts", "currency",
            "Σ over channels of contacts × the channel's cost per contact (onestop.kpis.cost-per-contact)"),
    COST_PER_CONTACT(Family.CONTACTS, "cost-per-contact", "Cost per contact", "currency", "cost of contacts ÷ contacts"),
    CHANNEL_SHARE_PCT(Family.CHANNELS, "requests-share-pct", "Channel share", "%",
            "requests received on the channel ÷ all requests received × 100 (channels section)"),
    PREVIOUS_CHANNEL_SHARE_PCT(Family.CHANNELS, "previous-requests-share-pct", "Channel share, previous period", "%",
            "the same over the previous period of equal length"),
    CHANNEL_SHIFT(Family.CHANNELS, "channel-shift-points", "Channel shift", "percentage points",
            "channel share − channel share in the previous period"),
    SERVICE_REQUESTS_CHANGE(Family.SERVICES, "change", "Change against the previous period", "count",
            "a service's requests − its requests in the previous period of equal length (topServices: the 10 most requested; risingServices: the 5 with the largest rise)"),
    SERVICE_REQUESTS_CHANGE_PCT(Family.SERVICES, "change-pct", "Change against the previous period, %", "%",
            "change ÷ the previous period's requests × 100 (absent when the previous period had none)");

    /** Which facts a measure is computed from, and so who may see it. */
    public enum Family { CASES, SURVEY, CONTACTS, CHANNELS, SERVICES }

    private final Family family;
    private final String id;
    private final String label;
    private final String unit;
    private final String definition;

    Measure(Family family, String id, String label, String unit, String definition) {
        this.family = family;
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.definition = definition;
    }

    @JsonValue
    public String id() { return id; }
    public Family family() { return family; }
    public String label() { return label; }
    public String unit() { return unit; }
    public String definition() { return definition; }

    /** The measure as the JSON answer's catalogue lists it. */
    public record Definition(String id, String name, String unit, String definition) {
    }

    public Definition described() {
        return new Definition(id, label, unit, definition);
    }
}
