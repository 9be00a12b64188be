package org.onestop.contactcentre;

import static org.onestop.contactcentre.ConsoleParams.first;
import static org.onestop.contactcentre.ConsoleParams.isBlank;
import static org.onestop.contactcentre.ConsoleParams.trimToNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.onestop.access.StaffMember;
import org.onestop.cases.CaseService;
import org.onestop.cases.StaffCases;
import org.onestop.cases.CaseView;
import org.onestop.cases.CaseViews;
import org.onestop.cases.Channel;
import org.onestop.cases.NearbyCases;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.FormField;
import org.onestop.catalogue.QuestionForm;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.places.AddressPoint;
import org.onestop.places.AddressRegister;
import org.onestop.places.MapProperties;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's intake: an agent (or a councillor's office) opens a case for a caller. Find the service by the caller's
 * words, answer its questions (its Camunda start form, rendered here), give the location; before saving, the open
 * cases of the same service nearby are shown, with the offer to add the caller to one of them instead.
 */
@Controller
class CaseIntakePages {

    /** What the agent typed, kept as typed to show it again. */
    record IntakeForm(String channel, String description, String address, String latitude, String longitude) {
    }

    /** One line of the error summary at the top of the form, linking to the field. */
    record ErrorLink(String target, String label, String message) {
    }

    static final String EXPECTED_DATE = "EEEE d MMMM yyyy";
    static final int MAX_WORDS = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ADDRESS = 300;
    /** The fields of the intake the error summary names (console.intake.label.<field>); others by their name. */
    private static final java.util.Set<String> LABELS = java.util.Set.of("channel", "description", "address", "latitude",
            "longitude", "decision", "customerId", "serviceCode", "ward");

    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final AddressRegister addresses;
    private final NearbyCases nearby;
    private final CaseIntake intake;
    private final CaseService cases;
    private final StaffCases staffCases;
    private final ConsoleCustomers consoleCustomers;
    private final CaseViews views;
    private final Validator validator;
    private final ZoneId zone;
    private final MapProperties map;
    private final ConsoleTexts texts;

    CaseIntakePages(ServiceCatalogue catalogue, CustomerService customers, AddressRegister addresses, NearbyCases nearby,
                    CaseIntake intake, CaseService cases, StaffCases staffCases, ConsoleCustomers consoleCustomers,
                    CaseViews views, Validator validator,
                    CityProperties city, MapProperties map, ConsoleTexts texts) {
        this.map = map;
        this.texts = texts;
        this.catalogue = catalogue;
        this.customers = customers;
        this.addresses = addresses;
        this.nearby = nearby;
        this.intake = intake;
        this.cases = cases;
        this.staffCases = staffCases;
        this.consoleCustomers = consoleCustomers;
        this.views = views;
        this.validator = validator;
        this.zone = city.timeZone();
    }

    // ---------------------------------------------------------------- find the service, then the form

    @GetMapping("/console/cases/new")
    String start(@RequestParam(required = false) String customer, @RequestParam(required = false) String started,
                 @RequestParam(required = false) String service, @RequestParam(required = false) String words,
                 Authentication user, Model model, HttpServletResponse response) {
        Customer caller = caller(customer, user);
        Instant start = ConsoleParams.started(started);
        model.addAttribute("caller", caller);
        model.addAttribute("started", start == null ? "" : start.toString());
        boolean councilOnly = ConsoleParams.councilOfficeOnly(user);
        model.addAttribute("councilOnly", councilOnly);
        if (!isBlank(service)) {
            Optional<ServiceDefinition> chosen = allowed(service.trim(), user);
            if (chosen.isPresent()) {
                ServiceDefinition s = chosen.get();
                IntakeForm form = new IntakeForm(defaultChannel(s, user).code(), "", "", "", "");
                return intakePage(model, s, form, new LinkedMultiValueMap<>(), Map.of());
            }
            model.addAttribute("serviceError", texts.get("console.intake.error.service", abbreviate(service)));
            response.setStatus(404);
        }
        String typed = words == null ? "" : abbreviate(words.trim());
        model.addAttribute("words", typed);
        model.addAttribute("searched", words != null);
        if (words != null && typed.isBlank()) {
            model.addAttribute("wordsError", texts.get("console.intake.error.words"));
        }
        List<ServiceDefinition> matches = words == null ? List.of()
                : catalogue.match(typed, false).stream().filter(s -> mayOpen(s, user)).map(texts::in).toList();
        model.addAttribute("matches", matches);
        model.addAttribute("councillorInquiry", catalogue.find(ConsoleParams.COUNCILLOR_INQUIRY).filter(s -> mayOpen(s, user))
                .map(texts::in).orElse(null));
        model.addAttribute("linkBase", linkBase(caller, start));
        return "console/case-intake";
    }

    @PostMapping("/console/cases/new")
    String submit(@RequestParam MultiValueMap<String, String> params, Authentication user, Model model, HttpServletResponse response) {
        ServiceDefinition service = allowed(trimToNull(first(params, "service")), user)
                .orElseThrow(() -> new NotFoundException("no service '" + abbreviate(String.valueOf(first(params, "service")))
                        + "' that you can open here"));
        Customer caller = caller(first(params, "customer"), user);
        Instant started = ConsoleParams.started(first(params, "started"));
        model.addAttribute("caller", caller);
        model.addAttribute("started", started == null ? "" : started.toString());
        model.addAttribute("councilOnly", ConsoleParams.councilOfficeOnly(user));
        IntakeForm form = new IntakeForm(first(params, "channel"), nullToEmpty(first(params, "description")),
                nullToEmpty(first(params, "address")), nullToEmpty(first(params, "latitude")), nullToEmpty(first(params, "longitude")));

        // Our own fields first, then the service's questions, so that every error shows at once.
        Map<String, String> errors = new LinkedHashMap<>();
        Channel channel = channel(form.channel(), service, user, errors);
        Double latitude = coordinate(form.latitude(), "latitude", 90, errors);
        Double longitude = coordinate(form.longitude(), "longitude", 180, errors);
        if (latitude != null && longitude == null && !errors.containsKey("longitude")) {
            errors.put("longitude", texts.get("console.intake.error.longitude"));
        } else if (longitude != null && latitude == null && !errors.containsKey("latitude")) {
            errors.put("latitude", texts.get("console.intake.error.latitude"));
        }
        if (form.description().length() > MAX_DESCRIPTION) {
            errors.put("description", texts.get("console.intake.error.tooLong", MAX_DESCRIPTION, form.description().length()));
        }
        AddressPoint resolved = null;
        if (form.address().length() > MAX_ADDRESS) {
            errors.put("address", texts.get("console.intake.error.addressLong", MAX_ADDRESS));
        } else if (!isBlank(form.address())) {
            resolved = addresses.find(form.address()).orElse(null);
        }
        boolean addressUnknown = !isBlank(form.address()) && resolved == null && !errors.containsKey("address");
        Double lat = latitude != null && longitude != null ? latitude : resolved == null ? null : resolved.latitude();
        Double lon = latitude != null && longitude != null ? longitude : resolved == null ? null : resolved.longitude();
        String address = resolved != null ? resolved.address() : trimToNull(form.address());
        if (service.locationRequired() && address == null && lat == null
                && !errors.containsKey("latitude") && !errors.containsKey("longitude")) {
            errors.put("address", texts.get("console.intake.error.addressRequired"));
        }
        Map<String, Object> answers = QuestionForm.answersFrom(service.questions(), params, zone);
        AnswerValidator.validate(service.questions(), answers).errors()
                .forEach((key, message) -> errors.put("answers." + key, texts.field(message)));

        model.addAttribute("resolved", resolved);
        model.addAttribute("addressUnknown", addressUnknown);
        if (addressUnknown) {
            model.addAttribute("suggestions", addresses.suggest(form.address(), 5));
        }
        if (!errors.isEmpty() || channel == null) {
            response.setStatus(400);
            return intakePage(model, service, form, params, errors);
        }
        NewCase request = new NewCase(service.code(), channel, trimToNull(form.description()), caller == null ? null : caller.getId(),
                null, address, lat, lon, null, answers);
        for (ConstraintViolation<NewCase> violation : validator.validate(request)) {
            errors.put(violation.getPropertyPath().toString(), texts.field(violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return intakePage(model, service, form, params, errors);
        }

        String decision = isBlank(first(params, "decision")) ? "check" : first(params, "decision").trim();
        String agent = user.getName();
        if (decision.startsWith("add:")) {
            String reference = decision.substring(4);
            try {
                StaffMember staff = StaffMember.of(user);
                Optional<ServiceRequest> target = staffCases.find(reference, staff).filter(sr -> staffCases.mayAct(sr, staff));
                if (target.isEmpty() || !target.get().getServiceCode().equals(service.code())) {
                    throw new InvalidRequestException("decision", texts.get("console.intake.error.notOpenCase", abbreviate(reference)));
                }
                ServiceRequest sr = intake.addCaller(target.get().getReference(), caller == null ? null : caller.getId(), channel,
                        service.name(), started, agent);
                return "redirect:/console/cases/" + sr.getReference() + "/confirmation?added=true" + customerParam(caller);
            } catch (InvalidRequestException e) {
                e.fieldErrors().forEach((field, message) -> errors.put("decision", texts.field(message)));
                response.setStatus(400);
            }
        }
        StaffMember staff = StaffMember.of(user);
        // Only the nearby cases this user may act on: the rest are out of their reach (and would be a 404 to add to).
        List<NearbyCases.Nearby> near = lat == null ? List.of() : nearby.openNear(service.code(), lat, lon).stream()
                .filter(n -> staffCases.access(n.request(), staff).readable() && staffCases.mayAct(n.request(), staff)).toList();
        if (!errors.isEmpty() || "check".equals(decision) && (!near.isEmpty() || addressUnknown)) {
            model.addAttribute("review", true);
            List<CaseView> summaries = views.summaries(near.stream().map(NearbyCases.Nearby::request).toList(), staff);
            List<NearbyRow> rows = new ArrayList<>();
            for (int i = 0; i < near.size(); i++) {
                rows.add(new NearbyRow(summaries.get(i), near.get(i).roundedMetres()));
            }
            model.addAttribute("nearby", rows);
            return intakePage(model, service, form, params, errors);
        }
        try {
            ServiceRequest sr = intake.open(request, service.name(), started, agent);
            return "redirect:/console/cases/" + sr.getReference() + "/confirmation" + customerParam(caller).replaceFirst("^&", "?");
        } catch (InvalidRequestException e) {
            errors.putAll(texts.fields(e.fieldErrors()));
            response.setStatus(400);
            return intakePage(model, service, form, params, errors);
        }
    }

    /** An open case near the new request, with how far it is. */
    record NearbyRow(CaseView c, long metres) {
    }

    // ---------------------------------------------------------------- confirmation to read back

    @GetMapping("/console/cases/{reference}/confirmation")
    String confirmation(@PathVariable String reference, @RequestParam(required = false) String customer,
                        @RequestParam(required = false) boolean added, Authentication user, Model model) {
        StaffMember staff = StaffMember.of(user);
        ServiceRequest sr = staffCases.read(reference, staff);
        CaseView view = views.summaries(List.of(sr), staff).get(0);
        model.addAttribute("c", view);
        model.addAttribute("added", added);
        model.addAttribute("expected", sr.getResolveBy() == null ? null
                : DateTimeFormatter.ofPattern(EXPECTED_DATE, texts.locale()).format(sr.getResolveBy().atZone(zone)));
        model.addAttribute("customer", customer(customer).filter(c -> consoleCustomers.maySee(c, user)).map(Customer::getId).orElse(null));
        return "console/case-confirmation";
    }

    // ---------------------------------------------------------------- helpers

    private String intakePage(Model model, ServiceDefinition service, IntakeForm form, MultiValueMap<String, String> params,
                              Map<String, String> errors) {
        Map<String, String> questionErrors = QuestionForm.questionErrors(errors);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (!field.startsWith("answers.")) {
                fieldErrors.put(field, message);
            }
        });
        List<ErrorLink> summary = new ArrayList<>();
        fieldErrors.forEach((field, message) -> summary.add(new ErrorLink(
                switch (field) {
                    case "channel", "description", "address", "latitude", "longitude" -> field;
                    case "decision" -> "nearby";
                    default -> "intake-form";
                }, LABELS.contains(field) ? texts.get("console.intake.label." + field) : field, message)));
        for (FormField question : texts.in(service).questions().fields()) {
            if (questionErrors.containsKey(question.key())) {
                summary.add(new ErrorLink("q-" + question.key(), question.label(), questionErrors.get(question.key())));
            }
        }
        model.addAttribute("service", texts.in(service));
        model.addAttribute("form", form);
        model.addAttribute("inputs", QuestionForm.inputs(texts.in(service).questions(), params, questionErrors));
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("summary", summary);
        model.addAttribute("channels", ConsoleParams.CONSOLE_CHANNELS.stream()
                .filter(c -> !ConsoleParams.COUNCILLOR_INQUIRY.equals(service.code()) || c == Channel.COUNCIL).toList());
        model.addAttribute("addressPoints", addresses.all());
        model.addAttribute("map", map);
        model.addAttribute("radius", Math.round(nearby.radiusMetres()));
        model.addAttribute("zone", zone);
        for (Map.Entry<String, Object> fallback : Map.<String, Object>of("review", false, "addressUnknown", false,
                "suggestions", List.of(), "nearby", List.of()).entrySet()) {
            if (!model.containsAttribute(fallback.getKey())) {
                model.addAttribute(fallback.getKey(), fallback.getValue());
            }
        }
        return "console/case-intake";
    }

    private Optional<ServiceDefinition> allowed(String code, Authentication user) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return catalogue.find(code).filter(s -> mayOpen(s, user));
    }

    /** The access policy: agents any public service, a councillor's office councillor inquiries. */
    private boolean mayOpen(ServiceDefinition service, Authentication user) {
        return staffCases.policy().mayOpen(StaffMember.of(user), service.code(), service.publicService());
    }

    /** A councillor inquiry comes by the council door; other requests most often by phone. */
    private static Channel defaultChannel(ServiceDefinition service, Authentication user) {
        return ConsoleParams.COUNCILLOR_INQUIRY.equals(service.code()) || ConsoleParams.councilOfficeOnly(user) ? Channel.COUNCIL : Channel.PHONE;
    }

    private Channel channel(String typed, ServiceDefinition service, Authentication user, Map<String, String> errors) {
        if (isBlank(typed)) {
            errors.put("channel", texts.get("console.intake.error.channelRequired"));
            return null;
        }
        Channel channel;
        try {
            channel = Channel.fromCode(typed);
        } catch (IllegalArgumentException e) {
            errors.put("channel", texts.get("console.intake.error.channel"));
            return null;
        }
        if (!ConsoleParams.CONSOLE_CHANNELS.contains(channel)) {
            errors.put("channel", texts.get("console.intake.error.channel"));
            return null;
        }
        if (ConsoleParams.COUNCILLOR_INQUIRY.equals(service.code()) && channel != Channel.COUNCIL) {
            errors.put("channel", texts.get("console.intake.error.council"));
            return null;
        }
        return channel;
    }

    private Double coordinate(String typed, String field, double limit, Map<String, String> errors) {
        if (isBlank(typed)) {
            return null;
        }
        try {
            // A French agent may type a decimal comma (43,2561).
            double value = Double.parseDouble(typed.trim().replace(',', '.'));
            if (!Double.isFinite(value) || Math.abs(value) > limit) {
                errors.put(field, texts.get("console.intake.error.between", (int) limit));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            String example = "latitude".equals(field) ? "43.2561" : "-79.8690";
            errors.put(field, texts.get("console.intake.error.degrees", texts.french() ? example.replace('.', ',') : example));
            return null;
        }
    }

    private Customer caller(String customer, Authentication user) {
        if (isBlank(customer)) {
            return null;
        }
        return customer(customer).filter(c -> consoleCustomers.maySee(c, user))
                .orElseThrow(() -> new NotFoundException("no customer with id '" + abbreviate(customer) + "'"));
    }

    private Optional<Customer> customer(String customer) {
        Long id = ConsoleParams.customerId(customer);
        return id == null ? Optional.empty() : customers.find(id);
    }

    private static String linkBase(Customer caller, Instant started) {
        StringBuilder link = new StringBuilder("/console/cases/new?");
        if (caller != null) {
            link.append("customer=").append(caller.getId()).append('&');
        }
        if (started != null) {
            link.append("started=").append(URLEncoder.encode(started.toString(), StandardCharsets.UTF_8)).append('&');
        }
        return link.append("service=").toString();
    }

    private static String customerParam(Customer caller) {
        return caller == null ? "" : "&customer=" + caller.getId();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s.length() > MAX_WORDS ? s.substring(0, MAX_WORDS) : s;
    }
}
