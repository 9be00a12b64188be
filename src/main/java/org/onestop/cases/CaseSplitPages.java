package org.onestop.cases;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.QuestionForm;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff page that splits a case into child cases, in two steps that work without JavaScript: choose the services
 * the case needs (one child each), then for each child what its department is asked to do, where if not the case's
 * place, and the answers to its service's questions. Who may split is the access policy's ({@link StaffCases#forSplitting}).
 */
@Controller
class CaseSplitPages {

    /** One child on the page: its number (from 0), service, what was typed and the errors by field. */
    record Part(int index, ServiceDefinition service, String description, String address, List<QuestionForm.Input> inputs,
                Map<String, String> errors) {
    }

    private final CaseService cases;
    private final StaffCases staffCases;
    private final ServiceCatalogue catalogue;
    private final PageTexts texts;
    private final ZoneId zone;

    CaseSplitPages(CaseService cases, StaffCases staffCases, ServiceCatalogue catalogue, PageTexts texts, CityProperties city) {
        this.cases = cases;
        this.staffCases = staffCases;
        this.catalogue = catalogue;
        this.texts = texts;
        this.zone = city.timeZone();
    }

    @GetMapping("/cases/{reference}/split")
    String choose(@PathVariable String reference, @RequestParam(name = "service", required = false) List<String> services,
                  Authentication auth, Model model, HttpServletResponse response) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forSplitting(reference, user);
        if (services == null || services.isEmpty()) {
            return page(sr, user, model, List.of(), null);
        }
        List<ServiceDefinition> chosen = chosen(services, user);
        if (chosen == null) {
            response.setStatus(400);
            return page(sr, user, model, List.of(), texts.get("staff.split.error.services", ChildCases.MAX_CHILDREN));
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            parts.add(new Part(i, chosen.get(i).in(texts.locale()), "", "",
                    inputs(i, chosen.get(i), new LinkedMultiValueMap<>(), Map.of()), Map.of()));
        }
        return page(sr, user, model, parts, null);
    }

    @PostMapping("/cases/{reference}/split")
    String split(@PathVariable String reference, @RequestParam MultiValueMap<String, String> params, Authentication auth,
                 Model model, HttpServletResponse response) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forSplitting(reference, user);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < ChildCases.MAX_CHILDREN && params.getFirst(prefix(i) + "service") != null; i++) {
            codes.add(params.getFirst(prefix(i) + "service"));
        }
        List<ServiceDefinition> chosen = codes.isEmpty() ? null : chosen(codes, user);
        if (chosen == null) {
            response.setStatus(400);
            return page(sr, user, model, List.of(), texts.get("staff.split.error.services", ChildCases.MAX_CHILDREN));
        }
        List<CaseService.NewChildCase> children = new ArrayList<>();
        List<MultiValueMap<String, String>> typed = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            MultiValueMap<String, String> own = own(params, i);
            typed.add(own);
            children.add(new CaseService.NewChildCase(chosen.get(i).code(), own.getFirst("description"), own.getFirst("address"),
                    QuestionForm.answersFrom(chosen.get(i).questions(), own, zone)));
        }
        String general = null;
        Map<Integer, Map<String, String>> errors = new LinkedHashMap<>();
        try {
            cases.split(sr.getReference(), children, user.userId());
            return "redirect:" + UriComponentsBuilder.fromPath("/cases/{reference}").queryParam("done", "split")
                    .buildAndExpand(sr.getReference()).encode().toUriString();
        } catch (InvalidRequestException e) {
            for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("children\\[(\\d+)]\\.(.+)").matcher(error.getKey());
                if (m.matches()) {
                    errors.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new LinkedHashMap<>()).put(m.group(2), error.getValue());
                } else {
                    general = error.getValue();
                }
            }
        }
        response.setStatus(400);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Map<String, String> own = errors.getOrDefault(i, Map.of());
            parts.add(new Part(i, chosen.get(i).in(texts.locale()), nonNull(typed.get(i).getFirst("description")),
                    nonNull(typed.get(i).getFirst("address")), inputs(i, chosen.get(i), typed.get(i), QuestionForm.questionErrors(own)), own));
        }
        return page(cases.get(sr.getReference()), user, model, parts, general);
    }

    private String page(ServiceRequest sr, StaffMember user, Model model, List<Part> parts, String error) {
        model.addAttribute("reference", sr.getReference());
        model.addAttribute("title", texts.get("staff.split.title", sr.getReference()));
        model.addAttribute("serviceName", catalogue.find(sr.getServiceCode()).map(s -> s.in(texts.locale()).name()).orElse(sr.getServiceCode()));
        model.addAttribute("services", catalogue.services().stream()
                .filter(s -> staffCases.policy().mayOpen(user, s.code(), s.publicService())).map(s -> s.in(texts.locale())).toList());
        model.addAttribute("parts", parts);
        model.addAttribute("error", error);
        model.addAttribute("max", ChildCases.MAX_CHILDREN);
        return "case-split";
    }

    /** The services chosen, each one the user may open; null when there is none, one unknown, or too many. */
    private List<ServiceDefinition> chosen(List<String> codes, StaffMember user) {
        if (codes.isEmpty() || codes.size() > ChildCases.MAX_CHILDREN) {
            return null;
        }
        List<ServiceDefinition> chosen = new ArrayList<>();
        for (String code : codes) {
            ServiceDefinition service = code == null ? null : catalogue.find(code.trim())
                    .filter(s -> staffCases.policy().mayOpen(user, s.code(), s.publicService())).orElse(null);
            if (service == null) {
                return null;
            }
            chosen.add(service);
        }
        return chosen;
    }

    /** A child's questions, named {@code c<i>.q.<key>} on the page so that several services' questions sit side by side. */
    private List<QuestionForm.Input> inputs(int i, ServiceDefinition service, MultiValueMap<String, String> own, Map<String, String> errors) {
        return QuestionForm.inputs(service.in(texts.locale()).questions(), own, errors).stream()
                .map(in -> new QuestionForm.Input(in.field(), "c" + i + "-" + in.id(), prefix(i) + in.name(), in.value(), in.selected(), in.error()))
                .toList();
    }

    /** The fields of child i without their {@code c<i>.} prefix. */
    private static MultiValueMap<String, String> own(MultiValueMap<String, String> params, int i) {
        MultiValueMap<String, String> own = new LinkedMultiValueMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(prefix(i))) {
                own.put(name.substring(prefix(i).length()), values);
            }
        });
        return own;
    }

    private static String prefix(int i) {
        return "c" + i + ".";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
