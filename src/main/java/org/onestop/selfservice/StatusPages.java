package org.onestop.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.ServiceRequest;
import org.onestop.cases.Visibility;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.customers.PhoneNumbers;
import org.onestop.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Check a status", for residents without a login: a case by its reference number, with only what the public may
 * read (the public timeline, the expected date, the photos, which were stripped of metadata on upload) and never who
 * reported it. A resolved or closed case can be sent back ("this is not fixed") within the reopen window by whoever
 * knows the contact details it was reported with.
 */
@Controller
class StatusPages {

    static final int MAX_REASON = 1000;
    private static final Pattern REFERENCE = Pattern.compile("SR-\\d{4}-\\d{6,12}");
    static final String NOT_FOUND = "We could not find a report with that reference number. Check it against your "
            + "confirmation: it looks like SR-2026-000123.";
    static final String NOT_YOURS = "This does not match the e-mail address or phone number given with the report.";

    private final CaseService cases;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final Photos photos;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration reopenWindow;

    StatusPages(CaseService cases, ServiceCatalogue catalogue, CustomerService customers, Photos photos, Clock clock,
                @Value("${onestop.city.time-zone:America/Toronto}") String zone,
                @Value("${onestop.cases.reopen-window:P30D}") Duration reopenWindow) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.customers = customers;
        this.photos = photos;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.reopenWindow = reopenWindow;
    }

    @GetMapping("/status")
    String lookup(@RequestParam(name = "reference", required = false) String reference, Model model, HttpServletResponse response) {
        if (reference == null) {
            model.addAttribute("reference", "");
            return "public/status-lookup";
        }
        Optional<ServiceRequest> found = find(reference);
        if (found.isPresent()) {
            return "redirect:/status/" + found.get().getReference();
        }
        return notFound(reference, model, response);
    }

    @GetMapping("/status/{reference}")
    String show(@PathVariable String reference, @RequestParam(name = "reopened", required = false) String reopened,
                Model model, HttpServletResponse response) {
        Optional<ServiceRequest> found = find(reference);
        if (found.isEmpty()) {
            return notFound(reference, model, response);
        }
        model.addAttribute("reopened", reopened != null);
        return render(found.get(), model, "", "", Map.of());
    }

    @PostMapping("/status/{reference}/reopen")
    String reopen(@PathVariable String reference, @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "contact", required = false) String contact, Model model, HttpServletResponse response) {
        Optional<ServiceRequest> found = find(reference);
        if (found.isEmpty()) {
            return notFound(reference, model, response);
        }
        ServiceRequest sr = found.get();
        String why = reason == null ? "" : reason.strip();
        String who = contact == null ? "" : contact.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (why.isEmpty()) {
            errors.put("reason", "Tell us what is still wrong.");
        } else if (why.length() > MAX_REASON) {
            errors.put("reason", "Keep it to " + MAX_REASON + " characters; you typed " + why.length() + ".");
        }
        if (who.length() > 254 || !reportedBy(sr, who)) {
            errors.put("contact", NOT_YOURS);
        }
        if (sr.getStatus().isOpen()) {
            errors.put("reason", "This report is still open: we are working on it, so there is nothing to send back yet.");
        } else if (sr.getStatus() != CaseStatus.RESOLVED && sr.getStatus() != CaseStatus.CLOSED) {
            errors.put("reason", "This report was " + statusLabel(sr.getStatus()).toLowerCase(Locale.ROOT)
                    + ", so it cannot be sent back. Report the problem again instead.");
        }
        if (errors.isEmpty()) {
            try {
                cases.reopen(sr.getReference(), why, Reports.RESIDENT);
                return "redirect:/status/" + sr.getReference() + "?reopened";
            } catch (InvalidRequestException e) {
                e.fieldErrors().values().stream().findFirst().ifPresent(message ->
                        errors.put("reason", ReportPages.sentence("The report", message)));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("reopened", false);
        return render(cases.get(sr.getReference()), model, why.length() > MAX_REASON * 4 ? why.substring(0, MAX_REASON * 4) : why,
                who.length() > 254 ? who.substring(0, 254) : who, errors);
    }

    @GetMapping("/status/{reference}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String reference, @PathVariable long id) {
        return find(reference).flatMap(sr -> photos.find(sr.getId(), id))
                .map(StatusPages::image)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    static ResponseEntity<byte[]> image(CasePhoto photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.getContentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(photo.getBytes());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Whether the person knows the contact details the case was reported with: its e-mail address (any case), or its
     * phone number (by digits). A case reported without contact details can be reopened by anyone who knows its
     * reference: nobody can prove more about it than that, and the problem (a pothole, a streetlight) is a public one.
     */
    private boolean reportedBy(ServiceRequest sr, String given) {
        Customer customer = sr.getCustomerId() == null ? null : customers.find(sr.getCustomerId()).orElse(null);
        boolean hasEmail = customer != null && customer.getEmail() != null;
        String phoneDigits = customer == null ? null : PhoneNumbers.digits(customer.getPhone());
        if (!hasEmail && phoneDigits == null) {
            return true;
        }
        if (given.isEmpty()) {
            return false;
        }
        if (hasEmail && customer.getEmail().equalsIgnoreCase(given)) {
            return true;
        }
        return phoneDigits != null && !given.contains("@") && phoneDigits.equals(PhoneNumbers.digits(given));
    }

    private String render(ServiceRequest sr, Model model, String reason, String contact, Map<String, String> errors) {
        String serviceName = catalogue.find(sr.getServiceCode()).map(ServiceDefinition::name).orElse(sr.getServiceCode());
        List<PublicEntry> timeline = cases.timeline(sr).stream()
                .filter(e -> e.getVisibility() == Visibility.PUBLIC)
                .map(e -> new PublicEntry(e.getOccurredAt().toString(), PublicDates.dayAndTime(e.getOccurredAt(), zone), e.getMessage()))
                .toList();
        boolean reopenable = sr.getStatus() == CaseStatus.RESOLVED || sr.getStatus() == CaseStatus.CLOSED;
        boolean withinWindow = reopenable && (sr.getResolvedAt() == null || !sr.getResolvedAt().plus(reopenWindow).isBefore(clock.instant()));
        model.addAttribute("c", new PublicCase(sr.getReference(), serviceName, statusLabel(sr.getStatus()), sr.getStatus().open311(),
                sr.getStatus().isOpen(), PublicDates.day(sr.getCreatedAt(), zone),
                sr.getStatus().isOpen() ? PublicDates.day(sr.getResolveBy(), zone) : null,
                PublicDates.day(sr.getResolvedAt(), zone), sr.getAddress(), sr.getWard(), sr.getDescription(), sr.getResolution()));
        model.addAttribute("timeline", timeline);
        model.addAttribute("photos", photos.idsOf(sr.getId()));
        // After a refused attempt the form stays, with the reason beside its field.
        model.addAttribute("reopenable", (reopenable && withinWindow) || !errors.isEmpty());
        model.addAttribute("tooLateToReopen", reopenable && !withinWindow && errors.isEmpty());
        model.addAttribute("reopenDays", reopenWindow.toDays());
        model.addAttribute("reopenUntil", sr.getResolvedAt() == null ? null : PublicDates.day(sr.getResolvedAt().plus(reopenWindow), zone));
        model.addAttribute("reason", reason);
        model.addAttribute("contact", contact);
        model.addAttribute("errors", errors);
        return "public/status";
    }

    private String notFound(String reference, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("reference", reference.length() > 40 ? reference.substring(0, 40) : reference);
        model.addAttribute("error", NOT_FOUND);
        return "public/status-lookup";
    }

    private Optional<ServiceRequest> find(String reference) {
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        return REFERENCE.matcher(ref).matches() ? cases.find(ref) : Optional.empty();
    }

    private static String statusLabel(CaseStatus status) {
        return switch (status) {
            case SUBMITTED -> "Received";
            case ACKNOWLEDGED -> "Acknowledged";
            case IN_PROGRESS -> "In progress";
            case WAITING_FOR_CUSTOMER -> "Waiting for you";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Closed";
            case CANCELLED -> "Cancelled";
            case DUPLICATE -> "Closed as already reported";
            case REFERRED -> "Referred to another authority";
        };
    }

    /** A case as anyone may read it: no customer, no staff, no internal notes. */
    record PublicCase(String reference, String serviceName, String status, String open311Status, boolean open,
                      String submittedOn, String expectedBy, String resolvedOn, String address, String ward,
                      String description, String resolution) {
    }

    record PublicEntry(String at, String when, String message) {
    }
}
