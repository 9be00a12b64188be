package org.onestop.contactcentre;

import static org.onestop.contactcentre.ConsoleParams.isBlank;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.access.StaffMember;
import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseView;
import org.onestop.cases.CaseViews;
import org.onestop.cases.Channel;
import org.onestop.cases.ServiceRequest;
import org.onestop.cases.StaffCases;
import org.onestop.cases.Visibility;
import org.onestop.city.CityProperties;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.shared.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A resident calls back about a case: find it by its reference, tell them how it stands (status, department, expected
 * date, the timeline), add what they say as a note, record the call, or reopen a resolved case that is not fixed.
 */
@Controller
class ConsoleCasePages {

    static final int MAX_REFERENCE = 24;
    static final int MAX_NOTE = 4000;
    static final int MAX_REASON = 1000;
    /** What was just done (console.case.done.<what>). */
    private static final java.util.Set<String> DONE = java.util.Set.of("note", "called", "reopened");

    private final CaseService cases;
    private final StaffCases staffCases;
    private final CaseViews views;
    private final AdditionalReporters reporters;
    private final CaseCallbacks callbacks;
    private final CustomerService customers;
    private final ConsoleCustomers consoleCustomers;
    private final org.onestop.catalogue.ServiceCatalogue catalogue;
    private final ZoneId zone;
    private final ConsoleTexts texts;

    ConsoleCasePages(CaseService cases, StaffCases staffCases, CaseViews views, AdditionalReporters reporters, CaseCallbacks callbacks,
                     CustomerService customers, ConsoleCustomers consoleCustomers, org.onestop.catalogue.ServiceCatalogue catalogue, CityProperties city,
                     ConsoleTexts texts) {
        this.texts = texts;
        this.cases = cases;
        this.staffCases = staffCases;
        this.views = views;
        this.reporters = reporters;
        this.callbacks = callbacks;
        this.customers = customers;
        this.consoleCustomers = consoleCustomers;
        this.catalogue = catalogue;
        this.zone = city.timeZone();
    }

    @GetMapping("/console/cases")
    String lookup(@RequestParam(required = false) String reference, @RequestParam(required = false) String customer,
                  @RequestParam(required = false) String started, Authentication auth, Model model, HttpServletResponse response) {
        StaffMember user = StaffMember.of(auth);
        model.addAttribute("reference", reference == null ? "" : abbreviate(reference));
        model.addAttribute("customer", ConsoleParams.customerId(customer));
        model.addAttribute("started", startedText(started));
        if (reference == null) {
            return "console/case-lookup";
        }
        if (reference.isBlank()) {
            model.addAttribute("error", texts.get("console.lookup.error.empty"));
            response.setStatus(400);
            return "console/case-lookup";
        }
        Optional<ServiceRequest> found = find(reference, user);
        if (found.isEmpty()) {
            return notFound(reference, model, response);
        }
        return "redirect:" + casePath(found.get().getReference(), ConsoleParams.customerId(customer), ConsoleParams.started(started), null);
    }

    @GetMapping("/console/cases/{reference}")
    String show(@PathVariable String reference, @RequestParam(required = false) String customer,
                @RequestParam(required = false) String started, @RequestParam(required = false) String done,
                Authentication auth, Model model, HttpServletResponse response) {
        StaffMember user = StaffMember.of(auth);
        Optional<ServiceRequest> found = find(reference, user);
        if (found.isEmpty()) {
            model.addAttribute("customer", ConsoleParams.customerId(customer));
            model.addAttribute("started", startedText(started));
            return notFound(reference, model, response);
        }
        model.addAttribute("done", done == null || !DONE.contains(done) ? null : texts.get("console.case.done." + done));
        return page(found.get(), user, ConsoleParams.customerId(customer), started, model, Map.of(), "", "public", "");
    }

    @PostMapping("/console/cases/{reference}/notes")
    String addNote(@PathVariable String reference, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String visibility, @RequestParam(required = false) String customer,
                   @RequestParam(required = false) String started, @RequestParam(required = false) String channel,
                   Authentication user, Model model, HttpServletResponse response) {
        StaffMember staff = StaffMember.of(user);
        ServiceRequest sr = staffCases.forAction(reference, staff);
        Map<String, String> errors = new LinkedHashMap<>();
        String note = text == null ? "" : text;
        if (note.isBlank()) {
            errors.put("text", texts.get("console.case.error.noteRequired"));
        } else if (note.length() > MAX_NOTE) {
            errors.put("text", texts.get("console.case.error.tooLong", MAX_NOTE, note.length()));
        }
        Visibility shown = null;
        if ("public".equals(visibility) || "internal".equals(visibility)) {
            shown = Visibility.fromCode(visibility);
        } else {
            errors.put("visibility", texts.get("console.case.error.visibility"));
        }
        Long caller = ConsoleParams.customerId(customer);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(sr, staff, caller, started, model, errors, note, visibility == null ? "" : visibility, "");
        }
        callbacks.addNote(sr.getReference(), note, shown, call(caller, started, channel, user), topic(sr));
        return "redirect:" + casePath(sr.getReference(), caller, ConsoleParams.started(started), "note");
    }

    @PostMapping("/console/cases/{reference}/called")
    String called(@PathVariable String reference, @RequestParam(required = false) String customer,
                  @RequestParam(required = false) String started, @RequestParam(required = false) String channel,
                  Authentication user) {
        ServiceRequest sr = staffCases.forAction(reference, StaffMember.of(user));
        Long caller = ConsoleParams.customerId(customer);
        callbacks.statusGiven(sr.getReference(), call(caller, started, channel, user), topic(sr));
        return "redirect:" + casePath(sr.getReference(), caller, ConsoleParams.started(started), "called");
    }

    @PostMapping("/console/cases/{reference}/reopen")
    String reopen(@PathVariable String reference, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String customer, @RequestParam(required = false) String started,
                  @RequestParam(required = false) String channel, Authentication user, Model model, HttpServletResponse response) {
        StaffMember staff = StaffMember.of(user);
        ServiceRequest sr = staffCases.forAction(reference, staff);
        Long caller = ConsoleParams.customerId(customer);
        String typed = reason == null ? "" : reason;
        Map<String, String> errors = new LinkedHashMap<>();
        if (typed.isBlank()) {
            errors.put("reason", texts.get("console.case.error.reasonRequired"));
        } else if (typed.length() > MAX_REASON) {
            errors.put("reason", texts.get("console.case.error.tooLong", MAX_REASON, typed.length()));
        }
        if (errors.isEmpty()) {
            try {
                callbacks.reopen(sr.getReference(), typed.trim(), call(caller, started, channel, user), topic(sr));
                return "redirect:" + casePath(sr.getReference(), caller, ConsoleParams.started(started), "reopened");
            } catch (InvalidRequestException e) {
                e.fieldErrors().values().forEach(message -> errors.put("reason", texts.field(message)));
            }
        }
        response.setStatus(400);
        return page(cases.get(sr.getReference()), staff, caller, started, model, errors, "", "public", typed);
    }

    // ---------------------------------------------------------------- helpers

    private String page(ServiceRequest sr, StaffMember user, Long customer, String started, Model model, Map<String, String> errors,
                        String noteText, String noteVisibility, String reopenReason) {
        CaseView view = views.withTimeline(sr, user);
        boolean mayAct = staffCases.mayAct(sr, user);
        model.addAttribute("c", view);
        model.addAttribute("reporters", staffCases.maySeeContactDetails(sr, user) ? reporters.of(sr) : List.of());
        model.addAttribute("mayAct", mayAct);
        model.addAttribute("reopenable", mayAct && (sr.getStatus() == CaseStatus.RESOLVED || sr.getStatus() == CaseStatus.CLOSED));
        Customer caller = customer == null ? null : customers.find(customer).filter(c -> consoleCustomers.maySee(c, user)).orElse(null);
        model.addAttribute("caller", caller);
        model.addAttribute("customer", caller == null ? null : caller.getId());
        model.addAttribute("started", startedText(started));
        model.addAttribute("errors", errors);
        model.addAttribute("noteText", noteText);
        model.addAttribute("noteVisibility", noteVisibility);
        model.addAttribute("reopenReason", reopenReason);
        model.addAttribute("zone", zone);
        return "console/case-callback";
    }

    private String notFound(String reference, Model model, HttpServletResponse response) {
        model.addAttribute("reference", abbreviate(reference));
        model.addAttribute("error", texts.get("console.lookup.error.notFound", abbreviate(reference.trim())));
        response.setStatus(404);
        return "console/case-lookup";
    }

    private Optional<ServiceRequest> find(String reference, StaffMember user) {
        return reference == null || reference.trim().length() > MAX_REFERENCE ? Optional.empty() : staffCases.find(reference, user);
    }

    private String topic(ServiceRequest sr) {
        return catalogue.find(sr.getServiceCode()).map(org.onestop.catalogue.ServiceDefinition::name).orElse(sr.getServiceCode());
    }

    private static CaseCallbacks.Call call(Long customer, String started, String channel, Authentication user) {
        Channel door = Channel.PHONE;
        if (!isBlank(channel)) {
            try {
                Channel c = Channel.fromCode(channel);
                door = ConsoleParams.CONSOLE_CHANNELS.contains(c) ? c : Channel.PHONE;
            } catch (IllegalArgumentException e) {
                door = Channel.PHONE;
            }
        }
        return new CaseCallbacks.Call(customer, door, ConsoleParams.started(started), user.getName());
    }

    static String casePath(String reference, Long customer, Instant started, String done) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/console/cases/{reference}");
        if (customer != null) {
            path.queryParam("customer", customer);
        }
        if (started != null) {
            path.queryParam("started", started.toString());
        }
        if (done != null) {
            path.queryParam("done", done);
        }
        return path.buildAndExpand(reference).encode().toUriString();
    }

    private static String startedText(String started) {
        Instant instant = ConsoleParams.started(started);
        return instant == null ? "" : instant.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
