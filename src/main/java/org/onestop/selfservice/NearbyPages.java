package org.onestop.selfservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.web.PageTexts;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.places.AddressPoint;
import org.onestop.places.AddressRegister;
import org.onestop.places.Wards;
import org.onestop.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the report page's map asks for as the pin moves, and "Is it one of these? Add me to it".
 * <ul>
 *   <li>{@code GET /report/map/layers}: the wards' boundaries and the address points, drawn as vector layers (all
 *       public, from the city's own files);</li>
 *   <li>{@code GET /report/addresses?q=}: up to eight addresses of the register matching what was typed;</li>
 *   <li>{@code GET /report/{code}/nearby?latitude=&longitude=}: the ward at the pin and the open public reports of the
 *       service near it ({@link NearbyReports});</li>
 *   <li>{@code /report/{code}/follow/{reference}}: the resident's name, e-mail address and consent, then they are
 *       added to that case and get its notices. The answer is the same whether the address was known, new, or already
 *       following the case.</li>
 * </ul>
 * All under {@code /report/**}: no login, rate limited per address like the rest of the residents' pages.
 */
@Controller
class NearbyPages {

    static final int MAX_SUGGESTIONS = 8;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("SR-\\d{4}-\\d{6,12}");

    private final ServiceCatalogue catalogue;
    private final NearbyReports nearby;
    private final AddressRegister addresses;
    private final Wards wards;
    private final CustomerService customers;

    private final PageTexts texts;

    NearbyPages(ServiceCatalogue catalogue, NearbyReports nearby, AddressRegister addresses, Wards wards, CustomerService customers,
                PageTexts texts) {
        this.texts = texts;
        this.catalogue = catalogue;
        this.nearby = nearby;
        this.addresses = addresses;
        this.wards = wards;
        this.customers = customers;
    }

    // ---------------------------------------------------------------- what the map draws and asks

    record WardShape(String name, List<List<double[]>> rings) {
    }

    record Layers(List<WardShape> wards, List<AddressPoint> addresses) {
    }

    @GetMapping(path = "/report/map/layers", produces = "application/json")
    @ResponseBody
    ResponseEntity<Layers> layers() {
        List<WardShape> shapes = wards.all().stream()
                .map(w -> new WardShape(w.name(), w.rings().stream()
                        .map(ring -> ring.stream().map(p -> new double[] {p.latitude(), p.longitude()}).toList()).toList()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(new Layers(shapes, addresses.all()));
    }

    @GetMapping(path = "/report/addresses", produces = "application/json")
    @ResponseBody
    List<AddressPoint> addresses(@RequestParam(name = "q", required = false) String typed) {
        String q = typed == null ? "" : typed.strip();
        return q.length() < 2 ? List.of() : addresses.suggest(q, MAX_SUGGESTIONS);
    }

    record Near(String ward, boolean inCity, long radiusMetres, List<NearbyReports.PublicNearby> reports) {
    }

    @GetMapping(path = "/report/{code}/nearby", produces = "application/json")
    @ResponseBody
    ResponseEntity<Near> near(@PathVariable String code, @RequestParam(name = "latitude", required = false) String latitude,
                              @RequestParam(name = "longitude", required = false) String longitude) {
        ServiceDefinition service = publicService(code);
        Double lat = coordinate(latitude, 90);
        Double lon = coordinate(longitude, 180);
        if (lat == null || lon == null) {
            return ResponseEntity.badRequest().build();
        }
        String ward = wards.wardAt(lat, lon).orElse(null);
        boolean inCity = ward != null || wards.names().isEmpty();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Near(ward, inCity, nearby.radiusMetres(), inCity ? nearby.near(service, lat, lon) : List.of()));
    }

    // ---------------------------------------------------------------- "Add me to it"

    @GetMapping("/report/{code}/follow/{reference}")
    String followForm(@PathVariable String code, @PathVariable String reference,
                      @RequestParam(name = "sent", required = false) String sent, Model model) {
        ServiceDefinition service = publicService(code);
        String ref = followable(service, reference);
        return render(model, service, ref, "", "", false, Map.of(), sent != null);
    }

    @PostMapping("/report/{code}/follow/{reference}")
    String follow(@PathVariable String code, @PathVariable String reference,
                  @RequestParam(name = "name", required = false) String name,
                  @RequestParam(name = "email", required = false) String email,
                  @RequestParam(name = "consent", required = false) String consent,
                  Model model, HttpServletResponse response) {
        ServiceDefinition service = publicService(code);
        String ref = followable(service, reference);
        String who = name == null ? "" : name.strip();
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (who.isEmpty()) {
            errors.put("name", texts.get("follow.error.name"));
        }
        if (address.isEmpty()) {
            errors.put("email", texts.get("follow.error.email"));
        }
        customers.errors(new CustomerDetails(who.isEmpty() ? "-" : who, null, address.isEmpty() ? null : address, null,
                        ContactPreference.EMAIL))
                .forEach((field, message) -> errors.putIfAbsent(field, texts.french()
                        ? texts.get("report.error.field", ReportPages.LABELS.containsKey(field) ? texts.get("report.label." + field) : field)
                        : ReportPages.sentence(ReportPages.LABELS.getOrDefault(field, "This answer"), message)));
        if (consent == null) {
            errors.put("consent", texts.get("follow.error.consent"));
        }
        if (errors.isEmpty()) {
            if (nearby.follow(ref, who, address)) {
                return "redirect:/report/" + service.code() + "/follow/" + ref + "?sent";
            }
            throw new NotFoundException("no such report");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(model, service, ref, cut(who, 200), cut(address, 254), consent != null, errors, false);
    }

    private String render(Model model, ServiceDefinition service, String reference, String name, String email, boolean consent,
                          Map<String, String> errors, boolean sent) {
        model.addAttribute("service", service);
        model.addAttribute("reference", reference);
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("consent", consent);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        return "public/report-follow";
    }

    /** The reference of an open case of this public service that residents may follow; anything else is "not found". */
    private String followable(ServiceDefinition service, String reference) {
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        if (!REFERENCE.matcher(ref).matches()) {
            throw new NotFoundException("no such report");
        }
        return nearby.followable(ref).filter(sr -> sr.getServiceCode().equals(service.code()))
                .map(sr -> sr.getReference()).orElseThrow(() -> new NotFoundException("no such report"));
    }

    private ServiceDefinition publicService(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new NotFoundException("no such service");
        }
        return catalogue.find(code).filter(ServiceDefinition::publicService).map(s -> s.in(texts.locale()))
                .orElseThrow(() -> new NotFoundException("no such service"));
    }

    private static Double coordinate(String value, double limit) {
        if (value == null || value.isBlank() || value.length() > 30) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            return Double.isFinite(number) && Math.abs(number) <= limit ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
