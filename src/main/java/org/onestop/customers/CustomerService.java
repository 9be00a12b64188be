package org.onestop.customers;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the customer behind a request, or records a new one. */
@Service
public class CustomerService {

    private final Customers customers;
    private final CustomerSearchIndex index;
    private final CustomerRules rules;
    private final IntakeDetails intakeDetails;
    private final Clock clock;

    CustomerService(Customers customers, CustomerSearchIndex index, CustomerRules rules, IntakeDetails intakeDetails, Clock clock) {
        this.customers = customers;
        this.index = index;
        this.rules = rules;
        this.intakeDetails = intakeDetails;
        this.clock = clock;
    }

    /** The customer behind a request and the details to confirm it brought (their ids). */
    public record Intake(Customer customer, List<Long> detailsToConfirm) {
    }

    /** {@link #findOrCreate(CustomerDetails, String)} by no particular channel. */
    @Transactional
    public Customer findOrCreate(CustomerDetails details) {
        return findOrCreate(details, null).customer();
    }

    /**
     * The existing customer with the same e-mail address (or, failing that, the same phone number and name), or else a
     * new customer. A known customer's recorded details are never overwritten: what is missing is filled in, what
     * differs waits for an agent to confirm ({@link IntakeDetails}). An e-mail address of one customer with the phone
     * number of another is the e-mail's customer, with the number to confirm: neither is merged nor changed.
     *
     * @param channel the door the request came in by (recorded beside the details to confirm), or null
     */
    @Transactional
    public Intake findOrCreate(CustomerDetails details, String channel) {
        Optional<Customer> existing = findExisting(details);
        if (existing.isPresent()) {
            if (existing.get().getLanguage() == null) {
                existing.get().language(details.language()); // missing, so filled in
            }
            return new Intake(existing.get(), intakeDetails.compare(existing.get(), details, channel));
        }
        Customer fresh = new Customer(details.name().trim(), blankToNull(details.phone()), blankToNull(details.email()),
                blankToNull(details.address()), details.preferredChannel(), clock.instant());
        fresh.language(details.language());
        Customer created = customers.save(fresh);
        index.index(created);
        return new Intake(created, List.of());
    }

    /** Notes the case a request's details to confirm came with, once the case has its reference. */
    @Transactional
    public void cameWith(Intake intake, String caseReference) {
        if (!intake.detailsToConfirm().isEmpty()) {
            intakeDetails.cameWith(intake.detailsToConfirm(), caseReference);
        }
    }

    /**
     * Records a new customer as the agent typed them (no matching on e-mail or phone: the agent searched first).
     *
     * @throws InvalidRequestException with a message per bad field
     */
    @Transactional
    public Customer create(CustomerDetails details) {
        return create(details, null);
    }

    /** The same, remembering which staff member recorded the customer. */
    @Transactional
    public Customer create(CustomerDetails details, String recordedBy) {
        validate(details);
        Customer customer = new Customer(details.name().trim(), blankToNull(details.phone()),
                blankToNull(details.email()), blankToNull(details.address()), details.preferredChannel(), clock.instant());
        customer.recordedBy(recordedBy);
        customer.language(details.language());
        Customer created = customers.save(customer);
        index.index(created);
        return created;
    }

    /**
     * Corrects a customer's details: what the form shows replaces what was recorded (a blank field clears it).
     *
     * @param version the version the agent's form was read at; another agent's change since then is a conflict
     * @throws InvalidRequestException with a message per bad field, or on {@code version} when someone else saved first
     */
    @Transactional
    public Customer correct(long id, long version, CustomerDetails details) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("no customer with id " + id));
        validate(details);
        if (customer.getVersion() != version) {
            throw new InvalidRequestException("version",
                    "someone else changed this customer while you were editing; check their details below and save again");
        }
        customer.update(details.name().trim(), blankToNull(details.phone()), blankToNull(details.email()),
                blankToNull(details.address()), details.preferredChannel(), clock.instant());
        customer.language(details.language());
        index.index(customer);
        return customer;
    }

    /** The annotations' rules and the ones they cannot state, as field → message. */
    public Map<String, String> errors(CustomerDetails details) {
        return rules.errors(details);
    }

    private void validate(CustomerDetails details) {
        Map<String, String> errors = errors(details);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(Long id) {
        return customers.findById(id);
    }

    /** The customers with these ids that exist, in no particular order. */
    @Transactional(readOnly = true)
    public List<Customer> findAll(Collection<Long> ids) {
        return customers.findAllById(ids);
    }

    private Optional<Customer> findExisting(CustomerDetails details) {
        String email = blankToNull(details.email());
        if (email != null) {
            List<Customer> byEmail = customers.findByEmailOrderByIdAsc(email.trim().toLowerCase());
            if (!byEmail.isEmpty()) {
                return Optional.of(byEmail.get(0));
            }
        }
        String digits = PhoneNumbers.digits(details.phone());
        if (digits != null) {
            return customers.findByPhoneDigitsOrderByIdAsc(digits).stream()
                    .filter(c -> c.getName().equalsIgnoreCase(details.name().trim()))
                    .findFirst();
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
