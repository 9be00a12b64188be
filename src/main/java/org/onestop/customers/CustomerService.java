package org.onestop.customers;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.onestop.web.InvalidRequestException;
import org.onestop.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the customer behind a request, or records a new one. */
@Service
public class CustomerService {

    private final Customers customers;
    private final CustomerSearchIndex index;
    private final Validator validator;
    private final Clock clock;

    CustomerService(Customers customers, CustomerSearchIndex index, Validator validator, Clock clock) {
        this.customers = customers;
        this.index = index;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The existing customer with the same e-mail address (or, failing that, phone number), with any new details
     * filled in; otherwise a new customer.
     */
    @Transactional
    public Customer findOrCreate(CustomerDetails details) {
        Optional<Customer> existing = findExisting(details);
        if (existing.isPresent()) {
            Customer customer = existing.get();
            customer.update(details.name(),
                    blankToNull(details.phone()) != null ? details.phone() : customer.getPhone(),
                    blankToNull(details.email()) != null ? details.email() : customer.getEmail(),
                    blankToNull(details.address()) != null ? details.address() : customer.getAddress(),
                    details.preferredChannel() != null ? details.preferredChannel() : customer.getPreferredChannel(),
                    clock.instant());
            index.index(customer);
            return customer;
        }
        Customer created = customers.save(new Customer(details.name().trim(), blankToNull(details.phone()), blankToNull(details.email()),
                blankToNull(details.address()), details.preferredChannel(), clock.instant()));
        index.index(created);
        return created;
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
        index.index(customer);
        return customer;
    }

    /** The annotations' rules and the ones they cannot state, as field → message. */
    public Map<String, String> errors(CustomerDetails details) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<CustomerDetails> v : validator.validate(details)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        String digits = PhoneNumbers.digits(details.phone());
        if (!errors.containsKey("phone") && blankToNull(details.phone()) != null
                && (digits == null || digits.length() < 7 || digits.length() > 15)) {
            errors.put("phone", "must have 7 to 15 digits, e.g. (905) 555-0101");
        }
        ContactPreference preferred = details.preferredChannel();
        if (preferred == ContactPreference.EMAIL && blankToNull(details.email()) == null) {
            errors.putIfAbsent("email", "is required when the customer prefers e-mail");
        } else if ((preferred == ContactPreference.PHONE || preferred == ContactPreference.SMS) && blankToNull(details.phone()) == null) {
            errors.putIfAbsent("phone", "is required when the customer prefers " + (preferred == ContactPreference.SMS ? "text messages" : "phone calls"));
        } else if (preferred == ContactPreference.MAIL && blankToNull(details.address()) == null) {
            errors.putIfAbsent("address", "is required when the customer prefers letters");
        }
        return errors;
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
