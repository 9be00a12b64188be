package org.onestop.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.city.CityProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.places.AddressPoint;
import org.onestop.places.AddressRegister;
import org.onestop.places.Wards;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.onestop.standards.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Intake: a new case is checked against its service's questions, finds or records its customer, gets its point and
 * ward, and starts its lifecycle, all in the caller's one transaction. A resolved case reopened within the window
 * starts a fresh lifecycle the same way.
 */
@Component
class CaseOpening {


    private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

    private final ServiceRequests requests;
    private final CaseTimeline timeline;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final AddressRegister addresses;
    private final Wards wards;
    private final RuntimeService runtimeService;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration reopenWindow;
    private final ApplicationEventPublisher publisher;

    CaseOpening(ServiceRequests requests, CaseTimeline timeline, ServiceCatalogue catalogue, CustomerService customers,
                AddressRegister addresses, Wards wards, RuntimeService runtimeService, BusinessCalendar calendar, ObjectMapper json, Clock clock,
                CityProperties city, CaseProperties settings, ApplicationEventPublisher publisher) {
        this.requests = requests;
        this.timeline = timeline;
        this.catalogue = catalogue;
        this.customers = customers;
        this.addresses = addresses;
        this.wards = wards;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
        this.zone = city.timeZone();
        this.reopenWindow = settings.reopenWindow();
        this.publisher = publisher;
    }

    ServiceRequest open(NewCase request, String actor) {
        ServiceDefinition service = catalogue.find(request.serviceCode().trim())
                .orElseThrow(() -> new InvalidRequestException("serviceCode", "is not a service of the city: '" + request.serviceCode() + "'"));
        IntakeOutcome outcome = new IntakeOutcome(service.code(), request);
        try {
            return open(request, service, null, 0, actor);
        } catch (InvalidRequestException | NotFoundException e) {
            outcome.clientMistake = true;
            throw e;
        } catch (RuntimeException e) {
            outcome.failure = e;
            throw e;
        }
    }

    /**
     * Watches the intake's transaction (the caller's, which this joins): if it does not commit for anything but the
     * request's own mistake, the intake failed on the city's side ({@link CaseIntakeFailed}), also when it was a later
     * step of the caller (a photo, the contact log) or the commit itself that failed.
     */
    private final class IntakeOutcome implements TransactionSynchronization {
        private final String serviceCode;
        private final NewCase request;
        private boolean clientMistake;
        private RuntimeException failure;

        IntakeOutcome(String serviceCode, NewCase request) {
            this.serviceCode = serviceCode;
            this.request = request;
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(this);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED && !clientMistake) {
                publisher.publishEvent(new CaseIntakeFailed(serviceCode, request.channel(), clock.instant(),
                        IntakeFailureReason.of(failure, request)));
            }
        }
    }

    /**
     * A child case split from {@code parent} (staff checked its answers before): a case like any other, under the
     * parent's reference with the suffix {@code -number}, and marked as the parent's before its first timeline entry,
     * so that its resident hears of the parent only.
     */
    ServiceRequest openChild(ServiceRequest parent, int number, NewCase request, String actor) {
        ServiceDefinition service = catalogue.find(request.serviceCode())
                .orElseThrow(() -> new InvalidRequestException("serviceCode", "is not a service of the city: '" + request.serviceCode() + "'"));
        return open(request, service, parent, number, actor);
    }

    private ServiceRequest open(NewCase request, ServiceDefinition service, ServiceRequest parent, int number, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> answers = LifecycleInputs.validAnswers(service, request.answers(), errors);
        boolean hasPoint = request.latitude() != null || request.longitude() != null;
        if (hasPoint && (request.latitude() == null || request.longitude() == null)) {
            errors.put(request.latitude() == null ? "latitude" : "longitude", "is required with " + (request.latitude() == null ? "longitude" : "latitude"));
        }
        if (service.locationRequired() && isBlank(request.address()) && !hasPoint) {
            errors.put("address", "an address or latitude and longitude is required for this service");
        }
        Customer customer = null;
        if (request.customerId() != null) {
            customer = customers.find(request.customerId()).orElse(null);
            if (customer == null) {
                errors.put("customerId", "is not a known customer");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CustomerService.Intake intake = null;
        if (customer == null && request.customer() != null) {
            intake = customers.findOrCreate(request.customer(), request.channel().code());
            customer = intake.customer();
        }
        // An address in the city's register gives the point, whatever door the request came in by: the ward, the
        // nearby-duplicate check and the map then work for "120 King St E" as for a pin.
        Double latitude = request.latitude();
        Double longitude = request.longitude();
        if (!hasPoint && !isBlank(request.address())) {
            Optional<AddressPoint> point = addresses.find(request.address());
            if (point.isPresent()) {
                latitude = point.get().latitude();
                longitude = point.get().longitude();
            }
        }
        String ward = !isBlank(request.ward()) ? request.ward().trim()
                : latitude != null ? wards.wardAt(latitude, longitude).orElse(null) : null;

        Instant now = clock.instant();
        ServiceRequest sr = requests.save(new ServiceRequest(service.code(), request.channel(),
                customer == null ? null : customer.getId(), trimToNull(request.description()), trimToNull(request.address()),
                latitude, longitude, ward, toJson(answers), actor, now));
        if (parent == null) {
            sr.assignReference(String.format("SR-%d-%06d", now.atZone(zone).getYear(), sr.getId()));
        } else {
            sr.splitFrom(parent.getId());
            sr.assignReference(parent.getReference() + "-" + number);
        }
        if (intake != null) {
            customers.cameWith(intake, sr.getReference());
        }
        timeline.record(sr, CaseEventType.SUBMITTED, Visibility.PUBLIC, actor,
                "Request received by " + request.channel().code() + ": " + service.name());
        startLifecycle(sr, service, answers);
        log.info("Opened case {} ({}) by {}", sr.getReference(), service.code(), request.channel().code());
        return sr;
    }

    ServiceRequest reopen(String reference, String reason, String actor) {
        ServiceRequest sr = requests.getByReference(reference);
        if (sr.getStatus() != CaseStatus.RESOLVED && sr.getStatus() != CaseStatus.CLOSED) {
            throw new InvalidRequestException("status", sr.getStatus().isOpen()
                    ? "the case is still open; add a note instead"
                    : "a " + sr.getStatus().code() + " case cannot be reopened; open a new request");
        }
        Instant now = clock.instant();
        if (sr.getResolvedAt() != null && sr.getResolvedAt().plus(reopenWindow).isBefore(now)) {
            throw new InvalidRequestException("status", "the case was resolved more than " + reopenWindow.toDays()
                    + " days ago and can no longer be reopened; open a new request");
        }
        ServiceDefinition service = catalogue.find(sr.getServiceCode())
                .orElseThrow(() -> new InvalidRequestException("serviceCode", "the service '" + sr.getServiceCode() + "' is no longer offered"));
        if (sr.getProcessInstanceId() != null
                && runtimeService.createProcessInstanceQuery().processInstanceId(sr.getProcessInstanceId()).count() > 0) {
            runtimeService.deleteProcessInstance(sr.getProcessInstanceId(), "reopened", true, true);
        }
        sr.reopen(now);
        timeline.record(sr, CaseEventType.REOPENED, Visibility.PUBLIC, actor,
                isBlank(reason) ? "Reopened: not fixed" : "Reopened: " + reason.trim());
        startLifecycle(sr, service, answers(sr));
        log.info("Reopened case {} by {}", sr.getReference(), actor);
        return sr;
    }

    /**
     * Starts the case's lifecycle process with the ids and routing variables the engine needs, and nothing else
     * ({@code officeOpen}: whether the request came in during office hours, for the after-hours table). The decision
     * tables' inputs (the answers, channel, ward and officeOpen) are transient: the tables read them while the
     * lifecycle runs on in this transaction, the call into the service's process hands the answers over (stored there),
     * and the lifecycle does not store them again; the case keeps them all.
     */
    private void startLifecycle(ServiceRequest sr, ServiceDefinition service, Map<String, Object> answers) {
        Map<String, Object> variables = LifecycleInputs.variables(service, answers, sr.getChannel(), sr.getWard(),
                calendar.isOfficeOpen(sr.getCreatedAt()));
        variables.put("caseId", sr.getId());
        variables.put("reference", sr.getReference());
        String processInstanceId = runtimeService.createProcessInstanceByKey(CaseService.LIFECYCLE_PROCESS)
                .businessKey(sr.getReference())
                .setVariables(variables)
                .execute()
                .getId();
        sr.attachProcess(processInstanceId);
    }

    /** The answers to the service's questions as the case stored them. */
    Map<String, Object> answers(ServiceRequest sr) {
        if (sr.getAnswers() == null) {
            return Map.of();
        }
        try {
            return json.readValue(sr.getAnswers(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + sr.getReference() + " has unreadable answers", e);
        }
    }

    private String toJson(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }
}
