package org.onestop.notifications;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CallerAddedToCase;
import org.onestop.cases.CaseEvent;
import org.onestop.cases.CaseEventRecorded;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseTimes;
import org.onestop.cases.ServiceRequest;
import org.onestop.cases.Visibility;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.city.SiteUrls;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.customers.PhoneNumbers;
import org.onestop.selfservice.StatusLinks;
import org.onestop.survey.SurveyProperties;
import org.onestop.survey.SurveyService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the resident who reported a case about each of its milestones: received (with the expected date),
 * acknowledged, in progress, waiting for you (what is needed), resolved (what was done, with the follow-up survey),
 * closed, reopened, passed to another department, and the other endings (referred, cancelled, duplicate). Written
 * to the outbox in the same transaction as the milestone, from templates per milestone, on the customer's preferred
 * channel (e-mail or SMS; phone, mail and none get no automatic notice), once per milestone of the case, never to a
 * customer who opted out.
 */
@Component
class ResidentNotices {

    /** What a resident hears about, with its template name; {@code perEntry}: every such entry, not once per round. */
    enum Milestone {
        RECEIVED("received", false), ACKNOWLEDGED("acknowledged", false), IN_PROGRESS("in-progress", false),
        WAITING("waiting", true), RESOLVED("resolved", false), CLOSED("closed", false), REOPENED("reopened", true),
        REFERRED("referred", false), CANCELLED("cancelled", false), DUPLICATE("duplicate", false),
        TRANSFERRED("transferred", true);

        final String template;
        final boolean perEntry;

        Milestone(String template, boolean perEntry) {
            this.template = template;
            this.perEntry = perEntry;
        }

        static Optional<Milestone> of(CaseEventRecorded event) {
            if (event.visibility() != Visibility.PUBLIC) {
                return Optional.empty();
            }
            return Optional.ofNullable(switch (event.type()) {
                case ROUTED -> RECEIVED;
                case ACKNOWLEDGED -> ACKNOWLEDGED;
                case STATUS_CHANGED -> event.status() == CaseStatus.IN_PROGRESS ? IN_PROGRESS
                        : event.status() == CaseStatus.WAITING_FOR_CUSTOMER && event.message() != null
                          && CaseEvent.waitingTask(event.message()) != null ? WAITING : null;
                case RESOLVED -> RESOLVED;
                case CLOSED -> CLOSED;
                case REOPENED -> REOPENED;
                case REFERRED -> REFERRED;
                case CANCELLED -> CANCELLED;
                case DUPLICATE -> DUPLICATE;
                case TRANSFERRED -> TRANSFERRED;
                default -> null;
            });
        }
    }

    /** The process variable a task form fills in when it asks the resident for something. */
    static final String INFORMATION_NEEDED = "informationNeeded";

    private final CaseService cases;
    private final CustomerService customers;
    private final ServiceCatalogue catalogue;
    private final RuntimeService runtime;
    private final OptOuts optOuts;
    private final AdditionalReporters reporters;
    private final SurveyService surveys;
    private final NoticeTemplates templates;
    private final Outbox outbox;
    private final StatusLinks links;
    private final ZoneId zone;
    private final String city;
    private final String publicUrl;
    private final long surveyDays;

    private final boolean smsGateway;

    ResidentNotices(CaseService cases, CustomerService customers, ServiceCatalogue catalogue,
                    RuntimeService runtime, OptOuts optOuts, AdditionalReporters reporters, SurveyService surveys, NoticeTemplates templates, Outbox outbox,
                    StatusLinks links, CityProperties city, SiteUrls urls, SurveyProperties survey, SmsProperties sms) {
        this.smsGateway = sms.configured();
        this.cases = cases;
        this.customers = customers;
        this.catalogue = catalogue;
        this.runtime = runtime;
        this.optOuts = optOuts;
        this.reporters = reporters;
        this.surveys = surveys;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.zone = city.timeZone();
        this.city = city.name();
        this.publicUrl = urls.publicUrl();
        this.surveyDays = survey.validFor().toDays();
    }

    @EventListener
    void on(CaseEventRecorded event) {
        Milestone milestone = Milestone.of(event).orElse(null);
        if (milestone == null) {
            return;
        }
        ServiceRequest sr = cases.byId(event.caseId()).orElse(null);
        // A child case (a part of a split case, for another department) sends nothing: its resident follows the
        // parent, which tells them it was split and when all its parts are done.
        if (sr == null || sr.isChild()) {
            return;
        }
        // Only those we can reach: for a caller without e-mail or SMS, nothing more is read.
        List<Customer> recipients = recipients(sr).stream().filter(c -> channel(c) != null).toList();
        if (recipients.isEmpty()) {
            return;
        }
        String dedupeKey = milestone.perEntry ? null : milestone.template + ":" + round(sr);
        Map<String, Object> variables = variables(sr, event, milestone);
        for (Customer customer : recipients) {
            notify(customer, sr, event, milestone, dedupeKey, new HashMap<>(variables));
        }
    }

    /**
     * A caller added to an open case hears at once that we have their report, under the case's reference and with its
     * expected date (the "received" notice, which they did not get), and from then on every milestone.
     */
    @EventListener
    void on(CallerAddedToCase added) {
        ServiceRequest sr = cases.byId(added.entry().caseId()).orElse(null);
        Customer customer = customers.find(added.customerId()).orElse(null);
        if (sr == null || customer == null) {
            return;
        }
        // What the first reporter told us is theirs, not the added caller's: no description, and for a private case
        // (a neighbour, a household) not the address either.
        Map<String, Object> v = variables(sr, added.entry(), Milestone.RECEIVED);
        v.remove("description");
        if (catalogue.isPrivate(sr.getServiceCode())) {
            v.remove("address");
        }
        notify(customer, sr, added.entry(), Milestone.RECEIVED, Milestone.RECEIVED.template + ":" + round(sr), v);
    }

    /**
     * Who hears about a case: the customer who reported it, and the callers the contact centre added to it because
     * they reported the same problem (from then on).
     */
    List<Customer> recipients(ServiceRequest sr) {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        if (sr.getCustomerId() != null) {
            ids.add(sr.getCustomerId());
        }
        ids.addAll(reporters.customerIds(sr.getId()));
        if (ids.size() == 1) { // most often the reporter alone, whom this transaction may hold already
            return customers.find(ids.iterator().next()).map(List::of).orElse(List.of());
        }
        return ids.isEmpty() ? List.of() : customers.findAll(ids);
    }

    private void notify(Customer customer, ServiceRequest sr, CaseEventRecorded event, Milestone milestone, String dedupeKey,
                        Map<String, Object> variables) {
        String channel = channel(customer);
        if (channel == null || optOuts.optedOut(customer.getId())) {
            return;
        }
        String recipient = channel.equals("email") ? customer.getEmail() : PhoneNumbers.digits(customer.getPhone());
        if (outbox.has(sr.getId(), event.caseEventId(), recipient, dedupeKey)) {
            return;
        }
        boolean french = "fr".equals(customer.getLanguage());
        variables = french ? inFrench(variables, sr) : variables;
        variables.put("name", customer.getName());
        variables.put("optOutUrl", publicUrl + "/notices/opt-out/" + optOuts.tokenFor(customer.getId()));
        if (milestone == Milestone.RESOLVED) {
            variables.put("surveyUrl", publicUrl + "/survey/" + surveys.issue(sr, customer.getId()));
        }
        if (channel.equals("email")) {
            NoticeTemplates.Message mail = templates.email(milestone.template, variables, french);
            outbox.queue(sr.getId(), event.caseEventId(), "email", recipient, dedupeKey, mail.subject(), mail.body());
        } else {
            String text = templates.sms(milestone.template, variables, french);
            outbox.queue(sr.getId(), event.caseEventId(), "sms", recipient, dedupeKey, text, text);
        }
    }

    /**
     * E-mail or SMS as the customer prefers, if we have the address; phone, mail and none: no automatic notice. Without
     * an SMS gateway, a customer who prefers text messages gets e-mail if we have their address, else nothing: never
     * a text that would not be sent.
     */
    String channel(Customer customer) {
        return channel(customer.getPreferredChannel(), customer.getEmail(), customer.getPhone(), smsGateway);
    }

    static String channel(ContactPreference preference, String email, String phone, boolean smsGateway) {
        boolean hasEmail = email != null && !email.isBlank();
        if (preference == ContactPreference.EMAIL && hasEmail) {
            return "email";
        }
        if (preference == ContactPreference.SMS) {
            return smsGateway && PhoneNumbers.digits(phone) != null ? "sms" : !smsGateway && hasEmail ? "email" : null;
        }
        return null;
    }

    /**
     * The notice's words for a French-speaking customer: the service's French name, the task it waits on in French
     * (from the service's {@code .fr.properties}), and the date as French reads it.
     */
    private Map<String, Object> inFrench(Map<String, Object> variables, ServiceRequest sr) {
        Map<String, Object> v = new HashMap<>(variables);
        if (v.get("task") instanceof String task) {
            v.put("task", catalogue.taskName(sr.getServiceCode(), task, java.util.Locale.FRENCH));
        }
        catalogue.find(sr.getServiceCode()).map(s -> s.in(java.util.Locale.FRENCH)).ifPresent(s -> v.put("service", s.name()));
        v.put("expectedBy", sr.getResolveBy() == null ? null : FRENCH_DATE.format(sr.getResolveBy().atZone(zone)));
        return v;
    }

    private static final java.time.format.DateTimeFormatter FRENCH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, H 'h' mm", java.util.Locale.CANADA_FRENCH);

    /** How often the case was reopened: each round of the case has its own milestones. */
    private long round(ServiceRequest sr) {
        return cases.timeline(sr).stream().map(CaseEvent::getType).filter(CaseEventType.REOPENED::equals).count();
    }

    private Map<String, Object> variables(ServiceRequest sr, CaseEventRecorded event, Milestone milestone) {
        Map<String, Object> v = new HashMap<>();
        v.put("city", city);
        v.put("reference", sr.getReference());
        v.put("service", catalogue.find(sr.getServiceCode()).map(ServiceDefinition::name).orElse(sr.getServiceCode()));
        v.put("status", sr.getStatus().code().replace('_', ' '));
        v.put("expectedBy", sr.getResolveBy() == null ? null : CaseTimes.format(sr.getResolveBy(), zone));
        v.put("description", sr.getDescription());
        v.put("address", sr.getAddress());
        v.put("resolution", sr.getResolution());
        v.put("message", event.message());
        // The resident's own link (with its key): the reference alone shows only the status.
        v.put("statusUrl", publicUrl + links.path(sr.getReference()));
        v.put("reportUrl", publicUrl + "/report");
        v.put("surveyDays", surveyDays);
        if (milestone == Milestone.WAITING) {
            v.put("task", CaseEvent.waitingTask(event.message()));
            v.put("needed", informationNeeded(sr));
        }
        return v;
    }

    /** What the department asked the resident for, if its task form said ({@code informationNeeded}). */
    private String informationNeeded(ServiceRequest sr) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(sr.getReference()).active().list()) {
            Object needed = runtime.getVariable(instance.getId(), INFORMATION_NEEDED);
            if (needed instanceof String text && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }
}
