package org.onestop.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.shared.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callers who report a problem that is already reported: rather than a duplicate case, the caller is added to the
 * open case (table {@code case_reporter}) and the case's timeline says so.
 */
@Service
public class AdditionalReporters {

    /** A reporter as the case pages show them; name and phone are empty for an anonymous caller. */
    public record Reporter(Long customerId, String name, String phone, String email, String channel, Instant addedAt, String addedBy) {
    }

    private final CaseService cases;
    private final CaseReporters reporters;
    private final CaseEvents events;
    private final CustomerService customers;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AdditionalReporters(CaseService cases, CaseReporters reporters, CaseEvents events, CustomerService customers,
                        ApplicationEventPublisher publisher, Clock clock) {
        this.cases = cases;
        this.reporters = reporters;
        this.events = events;
        this.customers = customers;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Adds the caller (or an anonymous report when {@code customerId} is null) to an open case.
     *
     * @throws InvalidRequestException (field {@code reference}) when the case is not open, or the caller already
     *         reported it; (field {@code customerId}) for an unknown customer
     */
    @Transactional
    public ServiceRequest add(String reference, Long customerId, Channel channel, String actor) {
        ServiceRequest sr = cases.find(reference)
                .orElseThrow(() -> new InvalidRequestException("reference", "is not a case: '" + reference + "'"));
        if (!sr.getStatus().isOpen()) {
            throw new InvalidRequestException("reference", sr.getReference() + " is already "
                    + sr.getStatus().code().replace('_', ' ') + "; open a new case instead");
        }
        Customer customer = null;
        if (customerId != null) {
            customer = customers.find(customerId).orElseThrow(() -> new InvalidRequestException("customerId", "is not a known customer"));
            if (customerId.equals(sr.getCustomerId()) || reporters.existsByCaseIdAndCustomerId(sr.getId(), customerId)) {
                throw new InvalidRequestException("reference", customer.getName() + " already reported " + sr.getReference());
            }
        }
        Instant now = clock.instant();
        reporters.save(new CaseReporter(sr.getId(), customerId, channel, now, actor));
        sr.touch(now);
        String message = (customer == null ? "An anonymous caller" : customer.getName())
                + " reported the same problem by " + channel.code() + " and was added to this case";
        CaseEvent event = events.save(new CaseEvent(sr.getId(), now, CaseEventType.REPORTER_ADDED, Visibility.INTERNAL, actor,
                sr.getStatus(), message));
        CaseEventRecorded entry = new CaseEventRecorded(sr.getId(), event.getId(), sr.getReference(), sr.getServiceCode(),
                sr.getWard(), event.getType(), event.getVisibility(), sr.getStatus(), message, sr.getResolveBy(), sr.getChannel(),
                event.getOccurredAt());
        publisher.publishEvent(entry);
        if (customerId != null) {
            publisher.publishEvent(new CallerAddedToCase(entry, customerId));
        }
        return sr;
    }

    /** The callers added to the case, in the order they called. */
    @Transactional(readOnly = true)
    public List<Reporter> of(ServiceRequest sr) {
        return reporters.findByCaseIdOrderByAddedAtAscIdAsc(sr.getId()).stream().map(r -> {
            Customer c = r.getCustomerId() == null ? null : customers.find(r.getCustomerId()).orElse(null);
            return new Reporter(r.getCustomerId(), c == null ? null : c.getName(), c == null ? null : c.getPhone(),
                    c == null ? null : c.getEmail(), r.getChannel().code(), r.getAddedAt(), r.getAddedBy());
        }).toList();
    }

    /** The known customers added to a case, in the order they called (anonymous callers are left out). */
    @Transactional(readOnly = true)
    public List<Long> customerIds(long caseId) {
        return reporters.findByCaseIdOrderByAddedAtAscIdAsc(caseId).stream()
                .map(CaseReporter::getCustomerId).filter(java.util.Objects::nonNull).toList();
    }
}
