package org.onestop.contactcentre;

import java.util.List;

import org.onestop.access.CaseFacts;
import org.onestop.access.StaffMember;
import org.onestop.cases.CaseService;
import org.onestop.cases.StaffCases;
import org.onestop.customers.Customer;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which callers' records a console user may see, by the access policy: agents and administrators the whole directory,
 * a councillor's office the residents it recorded and those of the cases it opened.
 */
@Component
class ConsoleCustomers {

    /** A councillor's office checks at most this many of a customer's cases for one it opened. */
    private static final int CASES_CHECKED = 200;

    private final StaffCases staffCases;
    private final CaseService cases;

    ConsoleCustomers(StaffCases staffCases, CaseService cases) {
        this.staffCases = staffCases;
        this.cases = cases;
    }

    boolean mayUseDirectory(Authentication user) {
        return staffCases.policy().mayUseCustomerDirectory(StaffMember.of(user));
    }

    boolean maySee(Customer customer, Authentication user) {
        return maySee(customer, StaffMember.of(user));
    }

    @Transactional(readOnly = true)
    boolean maySee(Customer customer, StaffMember staff) {
        if (staffCases.policy().mayUseCustomerDirectory(staff)) {
            return true;
        }
        List<CaseFacts> facts = cases.search(new CaseService.Filter(null, null, null, null, null, customer.getId()),
                staffCases.reach(staff), PageRequest.of(0, CASES_CHECKED)).stream().map(staffCases::facts).toList();
        return staffCases.policy().maySeeCustomer(staff, customer.getCreatedBy(), facts);
    }
}
