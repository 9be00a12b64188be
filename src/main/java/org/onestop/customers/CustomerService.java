package org.onestop.customers;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the customer behind a request, or records a new one. */
@Service
public class CustomerService {

    private final Customers customers;
    private final Clock clock;

    CustomerService(Customers customers, Clock clock) {
        this.customers = customers;
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
            return customer;
        }
        return customers.save(new Customer(details.name().trim(), blankToNull(details.phone()), blankToNull(details.email()),
                blankToNull(details.address()), details.preferredChannel(), clock.instant()));
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
