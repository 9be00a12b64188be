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
import org.onestop.cases.CaseEvent;
import org.onestop.cases.CaseProperties;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.ServiceRequest;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.customers.PhoneNumbers;
import org.onestop.places.MapProperties;
import org.onestop.shared.InvalidRequestException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Check a status", for residents without a login. A reference alone, known or guessed, shows only the service, the
 * status and the expected date. The resident's own link ({@link StatusLinks}: the reference with its key, from the
 * confirmation page and every notice) shows the rest of what is public: the public timeline and, for a public case
 * (a pothole, not a neighbour's noise), its description, address and photos, which were stripped of metadata on
 * upload. Never who reported it. A resolved or closed case can be sent back ("this is not fixed") within the reopen
 * window by whoever holds the link, or knows the contact details it was reported with.
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
    private final StatusLinks links;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration reopenWindow;
    private final MapProperties mapSettings;
    private final PageTexts texts;

    StatusPages(CaseService cases, ServiceCatalogue catalogue, CustomerService customers, Photos photos, StatusLinks links, Clock clock,
                CityProperties city, CaseProperties caseSettings, MapProperties mapSettings, PageTexts texts) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.customers = customers;
        this.photos = photos;
        this.links = links;
        this.clock = clock;
        this.zone = city.timeZone();
        this.reopenWindow = caseSettings.reopenWindow();
        this.mapSettings = mapSettings;
        this.texts = texts;
    }

    /** The key is in these pages' addresses: no page, picture or link followed from them may pass it on. */
    @ModelAttribute
    void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
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
    String show(@PathVariable String reference, @RequestParam(name = "key", required = false) String key,
                @RequestParam(name = "reopened", required = false) String reopened, Model model, HttpServletResponse response) {
        Optional<ServiceRequest> found = find(reference);
        if (found.isEmpty()) {
            return notFound(reference, model, response);
        }
        model.addAttribute("reopened", reopened != null);
        return render(found.get(), links.opens(found.get().getReference(), key), model, "", "", Map.of());
    }

    @PostMapping("/status/{reference}/reopen")
    String reopen(@PathVariable String reference, @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "contact", required = false) String contact,
                  @RequestParam(name = "key", required = false) String key, Model model, HttpServletResponse response) {
        Optional<ServiceRequest> found = find(reference);
        if (found.isEmpty()) {
            return notFound(reference, model, response);
        }
        ServiceRequest sr = found.get();
        // The resident's own link is proof enough; without it, the contact details the case was reported with are.
        boolean keyed = links.opens(sr.getReference(), key);
        String why = reason == null ? "" : reason.strip();
        String who = contact == null ? "" : contact.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (why.isEmpty()) {
            errors.put("reason", texts.get("status.error.reason"));
        } else if (why.length() > MAX_REASON) {
            errors.put("reason", texts.get("status.error.reasonLong", MAX_REASON, why.length()));
        }
        if (!keyed && (who.length() > 254 || !reportedBy(sr, who))) {
            errors.put("contact", texts.get("status.error.notYours"));
        }
        if (sr.getStatus().isOpen()) {
            errors.put("reason", texts.get("status.error.open"));
        } else if (sr.getStatus() != CaseStatus.RESOLVED && sr.getStatus() != CaseStatus.CLOSED) {
            errors.put("reason", texts.get("status.error.notReopenable", texts.french()
                    ? statusLabel(sr.getStatus(), texts) : statusLabel(sr.getStatus(), texts).toLowerCase(Locale.ROOT)));
        }
        if (errors.isEmpty()) {
            try {
                cases.reopen(sr.getReference(), why, Reports.RESIDENT);
                return "redirect:" + (keyed ? links.path(sr.getReference()) + "&reopened" : "/status/" + sr.getReference() + "?reopened");
            } catch (InvalidRequestException e) {
                e.fieldErrors().values().stream().findFirst().ifPresent(message ->
                        errors.put("reason", texts.french() ? texts.get("status.error.other") : ReportPages.sentence("The report", message)));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("reopened", false);
        return render(cases.get(sr.getReference()), keyed, model, why.length() > MAX_REASON * 4 ? why.substring(0, MAX_REASON * 4) : why,
                who.length() > 254 ? who.substring(0, 254) : who, errors);
    }

    /** A photo of a public case, with the case's own key or the photo's (Open311's media_url); anything else is a 404. */
    @GetMapping("/status/{reference}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String reference, @PathVariable long id,
                                 @RequestParam(name = "key", required = false) String key) {
        return find(reference)
                .filter(sr -> links.opensPhoto(sr.getReference(), id, key))
                .filter(sr -> !catalogue.isPrivate(sr.getServiceCode()))
                .flatMap(sr -> photos.find(sr.getId(), id))
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

    /**
     * The page: by reference alone, the service, status and expected date; with the key, also the public timeline and
     * the dates; for a public case also its description, address, ward and photos.
     */
    private String render(ServiceRequest sr, boolean keyed, Model model, String reason, String contact, Map<String, String> errors) {
        String serviceName = catalogue.find(sr.getServiceCode()).map(s -> s.in(texts.locale())).map(ServiceDefinition::name).orElse(sr.getServiceCode());
        boolean privateCase = catalogue.isPrivate(sr.getServiceCode());
        boolean details = keyed && !privateCase;
        // A split case: its children's public entries too, each named by its part (the service), one timeline.
        List<PublicEntry> timeline = !keyed ? List.of() : cases.combinedPublicTimeline(sr, catalogue::isPrivate).stream()
                .map(p -> new PublicEntry(p.event().getOccurredAt().toString(), PublicDates.dayAndTime(p.event().getOccurredAt(), zone),
                        p.part() == null ? entry(sr, p.event()) : catalogue.find(p.part().getServiceCode())
                                .map(s -> s.in(texts.locale()).name()).orElse(p.part().getServiceCode()) + ": " + entry(p.part(), p.event())))
                .toList();
        boolean reopenable = sr.getStatus() == CaseStatus.RESOLVED || sr.getStatus() == CaseStatus.CLOSED;
        boolean withinWindow = reopenable && (sr.getResolvedAt() == null || !sr.getResolvedAt().plus(reopenWindow).isBefore(clock.instant()));
        model.addAttribute("c", new PublicCase(sr.getReference(), serviceName, statusLabel(sr.getStatus(), texts), sr.getStatus().open311(),
                sr.getStatus().isOpen(), keyed ? PublicDates.day(sr.getCreatedAt(), zone) : null,
                sr.getStatus().isOpen() ? PublicDates.day(sr.getResolveBy(), zone) : null,
                keyed ? PublicDates.day(sr.getResolvedAt(), zone) : null,
                details ? sr.getAddress() : null, details ? sr.getWard() : null, details ? sr.getDescription() : null,
                keyed ? sr.getResolution() : null));
        model.addAttribute("keyed", keyed);
        model.addAttribute("key", keyed ? links.key(sr.getReference()) : null);
        model.addAttribute("privateCase", privateCase);
        model.addAttribute("timeline", timeline);
        model.addAttribute("photos", details ? photos.idsOf(sr.getId()) : List.of());
        // Where it is, on a map, only where the address is shown too: the resident's own link to a public case.
        boolean placed = details && sr.getLatitude() != null && sr.getLongitude() != null;
        model.addAttribute("map", placed ? new ReportPages.MapView(mapSettings.tileUrl(), mapSettings.attribution(),
                mapSettings.maxZoom(), "/report/map/layers", null) : null);
        model.addAttribute("point", placed ? new double[] {sr.getLatitude(), sr.getLongitude()} : null);
        // After a refused attempt the form stays, with the reason beside its field.
        model.addAttribute("reopenable", (reopenable && withinWindow) || !errors.isEmpty());
        model.addAttribute("tooLateToReopen", reopenable && !withinWindow && errors.isEmpty());
        model.addAttribute("reopenDays", reopenWindow.toDays());
        model.addAttribute("reopenUntil", !keyed || sr.getResolvedAt() == null ? null : PublicDates.day(sr.getResolvedAt().plus(reopenWindow), zone));
        model.addAttribute("reason", reason);
        model.addAttribute("contact", contact);
        model.addAttribute("errors", errors);
        return "public/status";
    }

    private String notFound(String reference, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("reference", reference.length() > 40 ? reference.substring(0, 40) : reference);
        model.addAttribute("error", texts.get("lookup.notFound"));
        return "public/status-lookup";
    }

    private Optional<ServiceRequest> find(String reference) {
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        return REFERENCE.matcher(ref).matches() ? cases.find(ref) : Optional.empty();
    }

    /**
     * A public timeline entry as the page's reader reads it: as recorded, but on a French page "waiting for you" says
     * so in French, with the task's French name (the service's {@code .fr.properties}).
     */
    private String entry(ServiceRequest sr, CaseEvent event) {
        String task = CaseEvent.waitingTask(event.getMessage());
        return task != null && texts.french()
                ? texts.get("status.timeline.waiting", catalogue.taskName(sr.getServiceCode(), task, texts.locale()))
                : event.getMessage();
    }

    /** "Received", "In progress"… ("Reçue", "En cours"…): messages case.status.<status>. */
    static String statusLabel(CaseStatus status, PageTexts texts) {
        return texts.get("case.status." + status.name().toLowerCase(Locale.ROOT));
    }

    /** A case as the page may show it (fields left out are null): no customer, no staff, no internal notes. */
    record PublicCase(String reference, String serviceName, String status, String open311Status, boolean open,
                      String submittedOn, String expectedBy, String resolvedOn, String address, String ward,
                      String description, String resolution) {
    }

    record PublicEntry(String at, String when, String message) {
    }
}
