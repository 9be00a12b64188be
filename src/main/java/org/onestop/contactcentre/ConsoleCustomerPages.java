package org.onestop.contactcentre;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.onestop.access.StaffMember;
import org.onestop.cases.Channel;
import org.onestop.city.CityProperties;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerSearch;
import org.onestop.customers.CustomerService;
import org.onestop.customers.IntakeDetails;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * Find the caller, see their cases and contacts, record a new caller or correct one's details, and choose between
 * their recorded details and the differing ones a request brought.
 */
@Controller
class ConsoleCustomerPages {

    /** The message for a preference that is none of the listed ones (the page words it in its language: {@link ConsoleTexts}). */
    static final String PREFERENCE_ERROR = "choose how the customer prefers to hear from us";

    /** Cases and contacts shown on a customer's page (newest first). */
    static final int HISTORY = 50;

    /** The customer form as typed (strings, so that a bad value is kept and shown beside its message). */
    record CustomerForm(String name, String phone, String email, String address, String preferredChannel, Long version) {

        static CustomerForm of(Customer c) {
            return new CustomerForm(c.getName(), c.getPhone(), c.getEmail(), c.getAddress(), c.getPreferredChannel().code(), c.getVersion());
        }

        CustomerDetails details() {
            ContactPreference preferred = null;
            if (preferredChannel != null && !preferredChannel.isBlank()) {
                try {
                    preferred = ContactPreference.fromCode(preferredChannel);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException("preferredChannel", PREFERENCE_ERROR);
                }
            }
            return new CustomerDetails(trim(name), trim(phone), trim(email), trim(address), preferred);
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }
    }

    private final CustomerSearch search;
    private final CustomerService customers;
    private final IntakeDetails intakeDetails;
    private final CustomerCases customerCases;
    private final ContactLog contactLog;
    private final ConsoleCustomers access;
    private final Clock clock;
    private final ZoneId zone;

    ConsoleCustomerPages(CustomerSearch search, CustomerService customers, IntakeDetails intakeDetails, CustomerCases customerCases,
                         ContactLog contactLog, ConsoleCustomers access, Clock clock,
                         CityProperties city) {
        this.search = search;
        this.customers = customers;
        this.intakeDetails = intakeDetails;
        this.customerCases = customerCases;
        this.contactLog = contactLog;
        this.access = access;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    @ModelAttribute("preferences")
    List<ContactPreference> preferences() {
        return Arrays.asList(ContactPreference.values());
    }

    @ModelAttribute("channels")
    List<Channel> channels() {
        return ConsolePages.consoleChannels();
    }

    /** The caller search. Searching starts a contact by the chosen channel if none is in progress. */
    @GetMapping("/console/customers")
    String find(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String started, Authentication user, Model model) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock);
        if (!ctx.inProgress()) {
            ctx = ContactContext.start(Channel.PHONE, null, clock);
        }
        String query = q.strip();
        if (query.length() <= 24 && ConsolePages.REFERENCE.matcher(query).matches()) {
            return "redirect:" + ctx.link("/console/cases/" + UriUtils.encodePathSegment(query.toUpperCase(), "UTF-8"));
        }
        CustomerSearch.Result result = search.search(query);
        if (!access.mayUseDirectory(user)) {
            // A councillor's office finds only the residents it recorded or opened cases for.
            result = new CustomerSearch.Result(result.query(), result.kind(),
                    result.customers().stream().filter(c -> access.maySee(c, user)).toList(), false, result.hint());
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        model.addAttribute("result", result);
        model.addAttribute("q", result.query());
        return "console/customers";
    }

    @GetMapping("/console/customers/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String channel, @RequestParam(required = false) String started,
                @RequestParam(required = false) Long recorded, Authentication user, Model model) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock).withCustomer(id);
        page(model, ctx, id, Map.of(), user);
        ConsolePages.confirm(model, contactLog, recorded);
        return "console/customer";
    }

    /** "Use this instead": a detail a request brought replaces the recorded one. */
    @PostMapping("/console/customers/{id}/details-to-confirm/{detailId}/use")
    ModelAndView useDetail(@PathVariable long id, @PathVariable long detailId, @RequestParam long version,
                           @RequestParam(required = false) String channel, @RequestParam(required = false) String started,
                           Authentication user, Model model) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock).withCustomer(id);
        confirmer(id, user);
        try {
            intakeDetails.use(id, detailId, version, user.getName());
            return new ModelAndView("redirect:" + ctx.link("/console/customers/" + id));
        } catch (InvalidRequestException e) {
            page(model, ctx, id, e.fieldErrors(), user);
            return new ModelAndView("console/customer", model.asMap(), HttpStatus.BAD_REQUEST);
        }
    }

    /** "Dismiss": the recorded detail stays, the one the request brought is dropped. */
    @PostMapping("/console/customers/{id}/details-to-confirm/{detailId}/dismiss")
    String dismissDetail(@PathVariable long id, @PathVariable long detailId, @RequestParam(required = false) String channel,
                         @RequestParam(required = false) String started, Authentication user) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock).withCustomer(id);
        confirmer(id, user);
        intakeDetails.dismiss(id, detailId, user.getName());
        return "redirect:" + ctx.link("/console/customers/" + id);
    }

    /** Confirming a caller's details is the directory's users' (agents, administrators), by the access policy. */
    private void confirmer(long id, Authentication user) {
        visible(id, user);
        if (!access.mayUseDirectory(user)) {
            throw new org.springframework.security.access.AccessDeniedException("Details to confirm are the contact centre's to confirm.");
        }
    }

    private void page(Model model, ContactContext ctx, long id, Map<String, String> confirmErrors, Authentication user) {
        Customer customer = visible(id, user);
        boolean directory = access.mayUseDirectory(user);
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        model.addAttribute("customer", customer);
        model.addAttribute("toConfirm", directory ? intakeDetails.toConfirm(id) : List.of());
        model.addAttribute("confirmErrors", confirmErrors);
        model.addAttribute("cases", customerCases.newestFirst(id, HISTORY, StaffMember.of(user)));
        // The contact history (every agent's notes of every call) is the contact centre's, not a councillor's office's.
        model.addAttribute("contacts", directory ? contactLog.history(id, HISTORY) : List.of());
    }

    @GetMapping("/console/customers/new")
    String newCustomer(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String channel,
                       @RequestParam(required = false) String started, Model model) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock);
        return form(model, ctx, null, prefill(q), Map.of());
    }

    @PostMapping("/console/customers")
    ModelAndView create(CustomerForm form, @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String started, Authentication user, Model model) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock);
        try {
            Customer created = customers.create(checked(form), user.getName());
            return new ModelAndView("redirect:" + ctx.link("/console/customers/" + created.getId()));
        } catch (InvalidRequestException e) {
            return invalid(model, ctx, null, form, e.fieldErrors());
        }
    }

    @GetMapping("/console/customers/{id}/edit")
    String edit(@PathVariable long id, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String started, Authentication user, Model model) {
        Customer customer = visible(id, user);
        return form(model, ContactContext.of(channel, started, null, clock).withCustomer(id), customer, CustomerForm.of(customer), Map.of());
    }

    @PostMapping("/console/customers/{id}")
    ModelAndView correct(@PathVariable long id, CustomerForm form, @RequestParam(required = false) String channel,
                         @RequestParam(required = false) String started, Authentication user, Model model) {
        Customer customer = visible(id, user);
        ContactContext ctx = ContactContext.of(channel, started, null, clock).withCustomer(id);
        try {
            customers.correct(id, form.version() == null ? -1 : form.version(), checked(form));
            return new ModelAndView("redirect:" + ctx.link("/console/customers/" + id));
        } catch (InvalidRequestException e) {
            CustomerForm kept = form;
            if (e.fieldErrors().containsKey("version")) {
                // Show what the other agent saved? The form keeps this agent's text; the next save overwrites on purpose.
                Customer current = customers.find(id).orElse(customer);
                kept = new CustomerForm(form.name(), form.phone(), form.email(), form.address(), form.preferredChannel(), current.getVersion());
                model.addAttribute("current", current);
            }
            return invalid(model, ctx, customers.find(id).orElse(customer), kept, e.fieldErrors());
        }
    }

    /** The customer if the user may see them (the access policy); otherwise as if there were none. */
    private Customer visible(long id, Authentication user) {
        return customers.find(id).filter(c -> access.maySee(c, user))
                .orElseThrow(() -> new NotFoundException("no customer with id " + id));
    }

    private CustomerDetails checked(CustomerForm form) {
        CustomerDetails details = form.details();
        Map<String, String> errors = customers.errors(details);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return details;
    }

    private ModelAndView invalid(Model model, ContactContext ctx, Customer customer, CustomerForm form, Map<String, String> errors) {
        ModelAndView page = new ModelAndView(form(model, ctx, customer, form, errors), HttpStatus.BAD_REQUEST);
        page.addAllObjects(model.asMap());
        return page;
    }

    private String form(Model model, ContactContext ctx, Customer customer, CustomerForm form, Map<String, String> errors) {
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/customer-form";
    }

    /** A new customer's form starts with what the agent searched for: a number, an e-mail address or a name. */
    static CustomerForm prefill(String q) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        if (query.isEmpty()) {
            return new CustomerForm("", "", "", "", "", null);
        }
        if (query.contains("@")) {
            return new CustomerForm("", "", query, "", "email", null);
        }
        if (query.matches("^[+]?[0-9 ().\\-/]+$")) {
            return new CustomerForm("", query, "", "", "phone", null);
        }
        return new CustomerForm(query, "", "", "", "", null);
    }
}
