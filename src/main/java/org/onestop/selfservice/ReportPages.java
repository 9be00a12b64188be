package org.onestop.selfservice;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.places.AddressPoint;
import org.onestop.places.AddressRegister;
import org.onestop.places.MapProperties;
import org.onestop.places.Wards;
import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.QuestionForm;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Report a problem", for residents without a login: find the service by typing or from the A–Z list, answer its
 * questions (the service's Camunda start form, validated as the API does), say where (address, or a pin on the ward
 * map, or both), attach a photo and optionally leave contact details. The answer is the reference number and the
 * date the city promises.
 */
@Controller
class ReportPages {

    static final int MAX_WORDS = 200;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("SR-\\d{4}-\\d{6,12}");

    /** The form's own fields (besides the questions), in page order, with the label the error summary uses. */
    static final Map<String, String> LABELS = labels();

    private final ServiceCatalogue catalogue;
    private final CaseService cases;
    private final Reports reports;
    private final Photos photos;
    private final Wards wards;
    private final MapProperties mapSettings;
    private final AddressRegister addresses;
    private final NearbyReports nearby;
    private final StatusLinks links;
    private final Validator validator;
    private final ZoneId zone;
    private final PageTexts texts;

    ReportPages(ServiceCatalogue catalogue, CaseService cases, Reports reports, Photos photos, Wards wards,
                MapProperties mapSettings, AddressRegister addresses, NearbyReports nearby,
                StatusLinks links, Validator validator, CityProperties city, PageTexts texts) {
        this.catalogue = catalogue;
        this.cases = cases;
        this.reports = reports;
        this.photos = photos;
        this.wards = wards;
        this.mapSettings = mapSettings;
        this.addresses = addresses;
        this.nearby = nearby;
        this.links = links;
        this.validator = validator;
        this.zone = city.timeZone();
        this.texts = texts;
    }

    // ---------------------------------------------------------------- choose a service

    @GetMapping("/report")
    String choose(@RequestParam(name = "words", required = false) String words, Model model) {
        List<ServiceDefinition> all = catalogue.services().stream().filter(ServiceDefinition::publicService)
                .map(s -> s.in(texts.locale())).toList();
        Map<String, List<ServiceDefinition>> byLetter = new TreeMap<>();
        java.text.Collator order = java.text.Collator.getInstance(texts.locale());
        order.setStrength(java.text.Collator.PRIMARY);
        all.stream().sorted(java.util.Comparator.comparing(ServiceDefinition::name, order))
                .forEach(s -> byLetter.computeIfAbsent(letter(s.name()), k -> new ArrayList<>()).add(s));
        String typed = words == null ? "" : words.strip();
        if (typed.length() > MAX_WORDS) {
            typed = typed.substring(0, MAX_WORDS);
        }
        model.addAttribute("words", typed);
        model.addAttribute("searched", !typed.isEmpty());
        model.addAttribute("matches", typed.isEmpty() ? List.of()
                : catalogue.match(typed, true).stream().map(s -> s.in(texts.locale())).toList());
        model.addAttribute("byLetter", byLetter);
        return "public/report-choose";
    }

    // ---------------------------------------------------------------- the report form

    /**
     * The form; with {@code address} or {@code latitude} and {@code longitude} (the "Has it been reported already?"
     * check, for a browser without JavaScript) filled in with them, and the open reports near there listed.
     */
    @GetMapping("/report/{code}")
    String form(@PathVariable String code, @RequestParam(name = "address", required = false) String address,
                @RequestParam(name = "latitude", required = false) String latitude,
                @RequestParam(name = "longitude", required = false) String longitude, Model model) {
        ServiceDefinition service = publicService(code);
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        if (address != null && !address.isBlank() && address.length() <= AddressRegister.MAX_TYPED) {
            params.add("address", address.strip());
        }
        if (latitude != null && longitude != null && latitude.length() <= 30 && longitude.length() <= 30) {
            params.add("latitude", latitude.strip());
            params.add("longitude", longitude.strip());
        }
        model.addAttribute("checked", !params.isEmpty());
        return render(model, service, params, Map.of(), false);
    }

    @PostMapping("/report/{code}")
    String submit(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "photo", required = false) MultipartFile photo,
                  Model model, HttpServletResponse response) {
        ServiceDefinition service = publicService(code);
        Map<String, String> errors = new LinkedHashMap<>();

        Photos.CleanImage image = null;
        boolean photoGiven = photo != null && !photo.isEmpty();
        if (photoGiven) {
            try {
                image = photos.clean(photo);
            } catch (Photos.RejectedPhoto e) {
                errors.put("photo", texts.french() ? texts.get("report.error.photo", Photos.megabytes(photos.maxSize().toBytes())) : e.getMessage());
            }
        }

        Double latitude = number(params, "latitude", errors, texts);
        Double longitude = number(params, "longitude", errors, texts);
        if (latitude != null && longitude != null && !errors.containsKey("latitude") && !errors.containsKey("longitude")
                && !wards.names().isEmpty() && wards.wardAt(latitude, longitude).isEmpty()
                && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
            errors.put("latitude", texts.get("report.error.outside"));
        }

        String name = text(params, "name");
        String email = text(params, "email");
        String phone = text(params, "phone");
        boolean emailUpdates = params.containsKey("emailUpdates");
        CustomerDetails customer = null;
        if (name != null || email != null || phone != null) {
            if (name == null) {
                errors.put("name", texts.get("report.error.nameMissing"));
            }
            customer = new CustomerDetails(name == null ? "" : name, phone, email == null ? null : email.toLowerCase(Locale.ROOT), null,
                    emailUpdates && email != null ? ContactPreference.EMAIL : ContactPreference.NONE,
                    texts.locale().getLanguage()); // the notices follow the language the resident reported in
        }
        if (emailUpdates && email == null) {
            errors.put("email", texts.get("report.error.emailMissing"));
        }

        Map<String, Object> answers = QuestionForm.answersFrom(service.questions(), params, zone);
        NewCase request = new NewCase(service.code(), Channel.WEB, text(params, "description"), null, customer,
                text(params, "address"), latitude, longitude, null, answers);

        for (ConstraintViolation<NewCase> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            String field = path.startsWith("customer.") ? path.substring("customer.".length()) : path;
            if (field.equals("name") && customer != null && name == null) {
                continue; // said above, more helpfully
            }
            errors.putIfAbsent(field, invalid(field, violation.getMessage()));
        }
        // The questions and the location rule, checked here too so that every mistake shows at once; open() checks again.
        AnswerValidator.validate(service.questions(), answers).errors()
                .forEach((key, message) -> errors.putIfAbsent("answers." + key, answerError(message)));
        if (service.locationRequired() && request.address() == null && latitude == null && longitude == null
                && !errors.containsKey("latitude") && !errors.containsKey("longitude")) {
            errors.put("address", texts.get("report.error.where"));
        }

        if (errors.isEmpty()) {
            try {
                ServiceRequest sr = reports.submit(request, image);
                // The key rides along, so that the receipt can give the resident their own status link.
                return "redirect:/report/received/" + sr.getReference() + "?key=" + links.key(sr.getReference());
            } catch (InvalidRequestException e) {
                e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field.startsWith("customer.")
                        ? field.substring("customer.".length()) : field, invalid(field, message)));
            }
        }
        if (photoGiven && !errors.containsKey("photo")) {
            errors.put("photo", texts.get("report.error.photoAgain"));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(model, service, params, errors, true);
    }

    // ---------------------------------------------------------------- the receipt

    /**
     * The receipt: reference, service and promised date (what the reference alone shows on the status page too), and,
     * for the resident who just reported (the key from the redirect), their own status link.
     */
    @GetMapping("/report/received/{reference}")
    String received(@PathVariable String reference, @RequestParam(name = "key", required = false) String key, Model model,
                    HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        String ref = reference.toUpperCase(Locale.ROOT);
        ServiceRequest sr = REFERENCE.matcher(ref).matches() ? cases.find(ref).orElse(null) : null;
        if (sr == null) {
            throw new NotFoundException("no case with reference '" + ref + "'");
        }
        model.addAttribute("reference", sr.getReference());
        boolean ownLink = links.opens(sr.getReference(), key);
        model.addAttribute("ownLink", ownLink);
        model.addAttribute("statusPath", ownLink ? links.path(sr.getReference()) : "/status/" + sr.getReference());
        model.addAttribute("serviceName", catalogue.find(sr.getServiceCode()).map(s -> s.in(texts.locale())).map(ServiceDefinition::name).orElse(sr.getServiceCode()));
        model.addAttribute("promisedDay", PublicDates.day(sr.getResolveBy(), zone));
        return "public/report-received";
    }

    // ---------------------------------------------------------------- helpers

    private String render(Model model, ServiceDefinition service, MultiValueMap<String, String> params,
                          Map<String, String> errors, boolean submitted) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach((k, v) -> {
            if (!k.startsWith("answers.")) {
                fieldErrors.put(k, v);
            }
        });
        List<QuestionForm.Input> inputs = QuestionForm.inputs(service.questions(), params, QuestionForm.questionErrors(errors));
        List<SummaryError> summary = new ArrayList<>();
        for (QuestionForm.Input in : inputs) {
            if (in.error() != null) {
                summary.add(new SummaryError((in.field().values() != null && !in.field().values().isEmpty() && !"select".equals(in.field().type())
                        ? in.id() + "-0" : in.id()), in.field().label() + ": " + in.error()));
            }
        }
        for (String field : LABELS.keySet()) {
            if (fieldErrors.containsKey(field)) {
                summary.add(new SummaryError(field, fieldErrors.get(field)));
            }
        }
        fieldErrors.forEach((field, message) -> {
            if (!LABELS.containsKey(field)) {
                summary.add(new SummaryError("description", message));
            }
        });
        model.addAttribute("service", service);
        model.addAttribute("inputs", inputs);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("summary", summary);
        model.addAttribute("form", Form.of(params));
        boolean drawable = mapSettings.hasTiles() || !wards.names().isEmpty() || addresses.size() > 0;
        model.addAttribute("map", drawable ? new MapView(mapSettings.tileUrl(), mapSettings.attribution(), mapSettings.maxZoom(),
                "/report/map/layers", "/report/" + service.code() + "/nearby") : null);
        model.addAttribute("maxPhoto", Photos.megabytes(photos.maxSize().toBytes()));
        model.addAttribute("nearby", nearbyTo(service, params));
        model.addAttribute("radius", nearby.radiusMetres());
        model.addAttribute("checked", Boolean.TRUE.equals(model.getAttribute("checked")));
        return "public/report-form";
    }

    /** A link in the error summary to the field that needs a change. */
    record SummaryError(String target, String message) {
    }

    /** What the resident typed in the form's own fields, kept after an error. */
    record Form(String description, String address, String latitude, String longitude, String name, String email,
                String phone, boolean emailUpdates) {
        static Form of(MultiValueMap<String, String> params) {
            return new Form(raw(params, "description"), raw(params, "address"), raw(params, "latitude"), raw(params, "longitude"),
                    raw(params, "name"), raw(params, "email"), raw(params, "phone"), params.containsKey("emailUpdates"));
        }
    }

    /** What the map's script needs: the tiles (if any), their credit, and where to ask for layers and nearby reports. */
    record MapView(String tileUrl, String attribution, int maxZoom, String layersUrl, String nearbyUrl) {
    }

    /**
     * The open public reports near the point already in the form (its coordinates, or else its address if the register
     * has it), or null when the form has no point yet.
     */
    private List<NearbyReports.PublicNearby> nearbyTo(ServiceDefinition service, MultiValueMap<String, String> params) {
        Double lat = null, lon = null;
        try {
            String la = text(params, "latitude"), lo = text(params, "longitude");
            if (la != null && lo != null && la.length() <= 30 && lo.length() <= 30) {
                lat = Double.parseDouble(la.replace(',', '.'));
                lon = Double.parseDouble(lo.replace(',', '.'));
            }
        } catch (NumberFormatException e) {
            lat = null;
        }
        if (lat == null || lon == null || !Double.isFinite(lat) || !Double.isFinite(lon)) {
            AddressPoint point = addresses.find(text(params, "address")).orElse(null);
            if (point == null) {
                return null;
            }
            lat = point.latitude();
            lon = point.longitude();
        }
        return nearby.near(service, lat, lon);
    }

    private ServiceDefinition publicService(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new NotFoundException("no such service");
        }
        return catalogue.find(code).filter(ServiceDefinition::publicService).map(s -> s.in(texts.locale()))
                .orElseThrow(() -> new NotFoundException("no such service"));
    }

    /** The letter a name is listed under: "Éclairage" under E. */
    private static String letter(String name) {
        String first = java.text.Normalizer.normalize(name.substring(0, 1), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return (first.isEmpty() ? name.substring(0, 1) : first).toUpperCase(Locale.ROOT);
    }

    private static Double number(MultiValueMap<String, String> params, String field, Map<String, String> errors, PageTexts texts) {
        String value = text(params, field);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.replace(',', '.'));
            if (Double.isNaN(number) || Double.isInfinite(number) || value.length() > 30) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            String example = "latitude".equals(field) ? "43.2561" : "-79.8690";
            errors.put(field, texts.get("report.error.number", texts.get("report.label." + field),
                    texts.french() ? example.replace('.', ',') : example));
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> params, String field) {
        String value = params.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String raw(MultiValueMap<String, String> params, String field) {
        String value = params.getFirst(field);
        return value == null ? "" : value;
    }

    /** A field's own check failed: in English the validator's words after the field's label, in French the label alone. */
    private String invalid(String field, String message) {
        String key = "report.label." + (field.startsWith("customer.") ? field.substring("customer.".length()) : field);
        if (!LABELS.containsKey(key.substring("report.label.".length()))) {
            return texts.french() ? texts.get("report.error.answer") : sentence("This answer", message);
        }
        return texts.french() ? texts.get("report.error.field", texts.get(key)) : sentence(texts.get(key), message);
    }

    /** A question's answer failed its check (catalogue/AnswerValidator words it in English). */
    private String answerError(String message) {
        if ("is required".equals(message)) {
            return texts.get("report.error.required");
        }
        return texts.french() ? texts.get("report.error.answer") : sentence("This answer", message);
    }

    /** "E-mail address" + "must be an e-mail address" → "E-mail address must be an e-mail address." */
    static String sentence(String label, String message) {
        if (message == null || message.isBlank()) {
            return label + " is not valid.";
        }
        String text = message.startsWith("is ") || message.startsWith("must ") || message.startsWith("has ")
                ? label + " " + message
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("description", "The description");
        labels.put("address", "The address");
        labels.put("latitude", "Latitude");
        labels.put("longitude", "Longitude");
        labels.put("photo", "The photo");
        labels.put("name", "Your name");
        labels.put("email", "Your e-mail address");
        labels.put("phone", "Your phone number");
        return java.util.Collections.unmodifiableMap(labels);
    }

}
