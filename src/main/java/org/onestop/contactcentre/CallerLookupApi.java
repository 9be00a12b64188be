package org.onestop.contactcentre;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.cases.CaseView;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerSearch;
import org.onestop.customers.PhoneNumbers;
import org.onestop.shared.ApiAccess;
import org.onestop.shared.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Caller lookup for a phone system's screen-pop: {@code GET /api/callers?phone=…} with the caller's number in any
 * format gives the customers with that number (as the console's caller search finds them) and their open cases,
 * through the access policy (the customer directory's users; a case the user may not read is not listed).
 */
@RestController
@Tag(name = "Callers", description = "Who is calling: customers by phone number, with their open cases (screen-pop)")
class CallerLookupApi {

    /** Open cases listed per caller at most (newest first). */
    static final int OPEN_CASES = 20;
    static final int MAX_PHONE = 40;
    private static final Pattern PHONE = Pattern.compile("^[+]?[0-9 ().\\-/]+$");

    private final CustomerSearch search;
    private final CustomerCases cases;
    private final CaseAccessPolicy policy;

    CallerLookupApi(CustomerSearch search, CustomerCases cases, CaseAccessPolicy policy) {
        this.search = search;
        this.cases = cases;
        this.policy = policy;
    }

    record OpenCase(String reference, String serviceCode, String service, String status, Instant opened, String department) {
        static OpenCase of(CaseView c) {
            return new OpenCase(c.reference(), c.serviceCode(), c.serviceName(), c.status(), c.createdAt(), c.department());
        }
    }

    record Caller(long id, String name, String phone, String email, String address, String preferredChannel,
                  List<OpenCase> openCases) {
    }

    /**
     * @param phone the number as the phone system gives it
     * @param callers the customers with that number, by name
     * @param more whether more customers have it than are listed
     */
    record Lookup(String phone, List<Caller> callers, boolean more) {
    }

    @GetMapping("/api/callers")
    @Operation(operationId = "lookUpCaller", summary = "Customers with this phone number (any format: +1 905-555-0101, "
            + "(905) 555 0101, tel:+19055550101; 7 digits or more), each with their open cases, newest first")
    @ApiAccess(who = "contact-centre agents, knowledge editors and administrators (the customer directory's users)",
            narrowedBy = "each customer's open cases: only those the caller may read",
            forbidden = "the caller may not use the customer directory")
    Lookup lookUp(@Parameter(description = "the caller's phone number, in any format") @RequestParam(required = false) String phone,
                  Authentication user) {
        StaffMember reader = StaffMember.of(user);
        if (!policy.mayUseCustomerDirectory(reader)) {
            throw new AccessDeniedException("caller lookup is for the customer directory's users");
        }
        String number = number(phone);
        CustomerSearch.Result found = search.search(number);
        List<Caller> callers = found.customers().stream().map(c -> caller(c, reader)).toList();
        return new Lookup(number, callers, found.more());
    }

    private Caller caller(Customer c, StaffMember reader) {
        List<OpenCase> open = cases.openNewestFirst(c.getId(), OPEN_CASES, reader).stream().map(OpenCase::of).toList();
        return new Caller(c.getId(), c.getName(), c.getPhone(), c.getEmail(), c.getAddress(), c.getPreferredChannel().code(), open);
    }

    /** The number without a tel: prefix, or a 400 naming the field. */
    private static String number(String phone) {
        if (phone == null || phone.isBlank()) {
            throw new InvalidRequestException("phone", "is required");
        }
        String number = phone.strip();
        if (number.regionMatches(true, 0, "tel:", 0, 4)) {
            number = number.substring(4).strip();
        }
        String digits = PhoneNumbers.digits(number);
        if (number.length() > MAX_PHONE || !PHONE.matcher(number).matches() || digits == null || digits.length() < 7
                || digits.length() > 15) {
            throw new InvalidRequestException("phone", "must be a phone number of 7 to 15 digits (spaces, + ( ) . - / allowed)");
        }
        return number;
    }
}
