package org.onestop.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a request brings to a customer we already know. A detail the customer has none of is filled in; one that differs
 * from the recorded one never replaces it (anyone can type a known phone number or e-mail address into a form, and
 * notices for all the customer's cases go to the recorded details): it waits as a detail to confirm until an agent
 * chooses "use this instead" or "dismiss".
 */
@Service
public class IntakeDetails {

    private static final Logger log = LoggerFactory.getLogger(IntakeDetails.class);

    /** A detail waiting for an agent, beside what is recorded now. */
    public record DetailToConfirm(long id, DetailKind kind, String value, String recorded, String channel,
                                  String caseReference, Instant givenAt, boolean alsoAnotherCustomers) {
    }

    private final DetailsToConfirm details;
    private final Customers customers;
    private final CustomerSearchIndex index;
    private final CustomerRules rules;
    private final Clock clock;

    IntakeDetails(DetailsToConfirm details, Customers customers, CustomerSearchIndex index, CustomerRules rules, Clock clock) {
        this.details = details;
        this.customers = customers;
        this.index = index;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Fills the customer's missing details from the request and records the differing ones to confirm.
     *
     * @param channel the door the request came in by, or null
     * @return the ids of the details to confirm recorded now
     */
    List<Long> compare(Customer customer, CustomerDetails given, String channel) {
        Instant now = clock.instant();
        List<CustomerDetailToConfirm> waiting = null; // read only when a detail differs from the recorded one
        List<Long> recorded = new ArrayList<>();
        boolean changed = false;
        for (Map.Entry<DetailKind, String> entry : offered(given).entrySet()) {
            DetailKind kind = entry.getKey();
            String value = entry.getValue();
            String key = key(kind, value);
            if (key == null || key.equals(key(kind, customer.recorded(kind)))) {
                continue;
            }
            if (fillable(customer, kind, value)) {
                customer.change(kind, value, now);
                changed = true;
                continue;
            }
            if (waiting == null) {
                waiting = new ArrayList<>(details.findByCustomerIdOrderByIdAsc(customer.getId()));
            }
            if (waiting.stream().noneMatch(d -> d.getKind() == kind && key.equals(key(kind, d.getValue())))) {
                CustomerDetailToConfirm detail = details.save(new CustomerDetailToConfirm(customer.getId(), kind, value, channel, now));
                waiting.add(detail);
                recorded.add(detail.getId());
            }
        }
        if (changed) {
            index.index(customer);
        }
        return recorded;
    }

    /** Notes the case the details came with, once it has its reference. */
    @Transactional
    public void cameWith(List<Long> ids, String caseReference) {
        details.findAllById(ids).forEach(d -> d.cameWith(caseReference));
    }

    /** The customer's details to confirm, oldest first. */
    @Transactional(readOnly = true)
    public List<DetailToConfirm> toConfirm(long customerId) {
        Customer customer = customer(customerId);
        return details.findByCustomerIdOrderByIdAsc(customerId).stream().map(d -> new DetailToConfirm(d.getId(), d.getKind(),
                d.getValue(), customer.recorded(d.getKind()), d.getChannel(), d.getCaseReference(), d.getGivenAt(),
                alsoAnotherCustomers(customer, d.getKind(), d.getValue()))).toList();
    }

    /**
     * The agent's "use this instead": the detail replaces the recorded one.
     *
     * @param version the customer's version the agent's page showed; a change since then is a conflict
     * @throws NotFoundException if the customer or the detail does not exist, or the detail is another customer's
     * @throws InvalidRequestException on a stale {@code version}, or if the customer's details would break a rule
     */
    @Transactional
    public Customer use(long customerId, long detailId, long version, String agent) {
        Customer customer = customer(customerId);
        CustomerDetailToConfirm detail = detail(customerId, detailId);
        if (customer.getVersion() != version) {
            throw new InvalidRequestException("version",
                    "someone else changed this customer since the page was shown; check the details below and choose again");
        }
        Map<String, String> errors = rules.errors(customer.detailsWith(detail.getKind(), detail.getValue()));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        DetailKind kind = detail.getKind();
        String key = key(kind, detail.getValue());
        customer.change(kind, detail.getValue(), clock.instant());
        index.index(customer);
        // The chosen value, and any copy of it that came with another case, are settled.
        details.deleteAll(details.findByCustomerIdOrderByIdAsc(customerId).stream()
                .filter(d -> d.getKind() == kind && key.equals(key(kind, d.getValue()))).toList());
        log.info("Customer {}: {} replaced by {} from a detail to confirm", customerId, kind, agent);
        return customer;
    }

    /** The agent's "dismiss": the detail is dropped, the recorded one stays. */
    @Transactional
    public void dismiss(long customerId, long detailId, String agent) {
        customer(customerId);
        details.delete(detail(customerId, detailId));
        log.info("Customer {}: detail to confirm {} dismissed by {}", customerId, detailId, agent);
    }

    private Customer customer(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("no customer with id " + id));
    }

    /** Another customer's detail is as unknown as a missing one. */
    private CustomerDetailToConfirm detail(long customerId, long detailId) {
        return details.findById(detailId).filter(d -> d.getCustomerId() == customerId)
                .orElseThrow(() -> new NotFoundException("no detail to confirm " + detailId + " for customer " + customerId));
    }

    /** The details a request gives, as they would be recorded. */
    private static Map<DetailKind, String> offered(CustomerDetails given) {
        Map<DetailKind, String> offered = new EnumMap<>(DetailKind.class);
        String phone = CustomerRules.blankToNull(given.phone());
        String email = CustomerRules.blankToNull(given.email());
        String name = CustomerRules.blankToNull(given.name());
        // Open311 names a request without a name after its e-mail address or phone number: that is no name.
        if (name != null && !name.equalsIgnoreCase(email) && !name.equals(phone)) {
            offered.put(DetailKind.NAME, name);
        }
        offered.put(DetailKind.PHONE, phone);
        offered.put(DetailKind.EMAIL, email == null ? null : email.toLowerCase(Locale.ROOT));
        offered.put(DetailKind.ADDRESS, CustomerRules.blankToNull(given.address()));
        // "No updates" ticked off on one request is not a wish to hear nothing about the others (every notice has an
        // opt-out link for that), so only a channel to hear by is offered.
        ContactPreference preferred = given.preferredChannel();
        offered.put(DetailKind.PREFERENCE, preferred == null || preferred == ContactPreference.NONE ? null : preferred.code());
        offered.values().removeIf(v -> v == null);
        return offered;
    }

    /** A detail is filled in only where nothing is recorded, and a phone number only if it is nobody else's. */
    private boolean fillable(Customer customer, DetailKind kind, String value) {
        return switch (kind) {
            case NAME -> placeholderName(customer);
            case PHONE -> customer.getPhone() == null && !customers.existsByPhoneDigitsAndIdNot(PhoneNumbers.digits(value), customer.getId());
            case EMAIL -> customer.getEmail() == null && !customers.existsByEmailAndIdNot(value, customer.getId());
            case ADDRESS -> customer.getAddress() == null;
            case PREFERENCE -> false;
        };
    }

    private boolean alsoAnotherCustomers(Customer customer, DetailKind kind, String value) {
        return switch (kind) {
            case PHONE -> customers.existsByPhoneDigitsAndIdNot(PhoneNumbers.digits(value), customer.getId());
            case EMAIL -> customers.existsByEmailAndIdNot(value, customer.getId());
            default -> false;
        };
    }

    /** A name that is only the customer's e-mail address or phone number (Open311 without a name) counts as none. */
    private static boolean placeholderName(Customer customer) {
        String name = customer.getName();
        return name == null || name.isBlank() || name.equalsIgnoreCase(customer.getEmail()) || name.equals(customer.getPhone());
    }

    /** What makes two values of a detail the same: digits for phones, case and spacing aside for the rest. */
    static String key(DetailKind kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return kind == DetailKind.PHONE ? PhoneNumbers.digits(value)
                : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
