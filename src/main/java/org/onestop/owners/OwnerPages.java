package org.onestop.owners;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.cases.Channel;
import org.onestop.catalogue.FormField;
import org.onestop.catalogue.QuestionForm;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.departments.Departments;
import org.onestop.places.Wards;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
 * The process owners' pages: "What is live" ({@code /owner/services}) and the preview of a service
 * ({@code /owner/services/{code}/preview}), the same services as the API ({@link OwnersApi}), for the same people
 * ({@link CaseAccessPolicy#mayManageModels}).
 */
@Controller
class OwnerPages {

    /** The preview's own fields, each with its label's and its error's message keys. */
    private static final List<String> FIELDS = List.of("ward", "channel", "receivedAt");

    /** A link of the error summary to the field it is about. */
    record ErrorLink(String target, String label, String message) {
    }

    /** The preview form as typed. */
    record PreviewForm(String ward, String channel, String receivedAt) {
    }

    private final LiveServices live;
    private final ServicePreviews previews;
    private final CaseAccessPolicy policy;
    private final Departments departments;
    private final Wards wards;
    private final PageTexts texts;
    private final ZoneId zone;
    private final Clock clock;

    OwnerPages(LiveServices live, ServicePreviews previews, CaseAccessPolicy policy, Departments departments, Wards wards,
               PageTexts texts, CityProperties city, Clock clock) {
        this.clock = clock;
        this.live = live;
        this.previews = previews;
        this.policy = policy;
        this.departments = departments;
        this.wards = wards;
        this.texts = texts;
        this.zone = city.timeZone();
    }

    @GetMapping("/owner/services")
    String services(Authentication user, Model model) {
        allowed(user);
        model.addAttribute("live", live.live(texts.locale()));
        model.addAttribute("pages", this);
        return "owner/services";
    }

    @GetMapping("/owner/services/{code}/preview")
    String previewForm(@PathVariable String code, Authentication user, Model model) {
        allowed(user);
        ServiceDefinition service = previews.service(code);
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(clock.instant().atZone(zone));
        return page(model, service, new LinkedMultiValueMap<>(), new PreviewForm("", "phone", now), Map.of(), null);
    }

    @PostMapping("/owner/services/{code}/preview")
    String preview(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Authentication user, Model model,
                   HttpServletResponse response) {
        allowed(user);
        ServiceDefinition service = previews.service(code);
        PreviewForm form = new PreviewForm(params.getFirst("ward"), params.getFirst("channel"), params.getFirst("receivedAt"));
        try {
            ServicePreviews.Preview preview = previews.preview(code, new ServicePreviews.PreviewRequest(
                    QuestionForm.answersFrom(service.questions(), params, zone), form.ward(), null, null, form.channel(), form.receivedAt()));
            return page(model, service, params, form, Map.of(), preview);
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, service, params, form, e.fieldErrors(), null);
        }
    }

    private String page(Model model, ServiceDefinition service, MultiValueMap<String, String> params, PreviewForm form,
                        Map<String, String> errors, ServicePreviews.Preview preview) {
        Locale locale = texts.locale();
        ServiceDefinition shown = service.in(locale);
        Map<String, String> questionErrors = QuestionForm.questionErrors(errors);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<ErrorLink> summary = new ArrayList<>();
        for (String field : FIELDS) {
            if (errors.containsKey(field)) {
                fieldErrors.put(field, texts.get("owner.preview.error." + field));
                summary.add(new ErrorLink(field, texts.get("owner.preview." + field), fieldErrors.get(field)));
            }
        }
        for (FormField question : shown.questions().fields()) {
            if (questionErrors.containsKey(question.key())) {
                summary.add(new ErrorLink("q-" + question.key(), question.label(), questionErrors.get(question.key())));
            }
        }
        model.addAttribute("service", shown);
        model.addAttribute("form", form);
        model.addAttribute("inputs", QuestionForm.inputs(shown.questions(), params, questionErrors));
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("summary", summary);
        model.addAttribute("wards", wards.names());
        model.addAttribute("channels", List.of(Channel.values()).stream().map(Channel::code).toList());
        model.addAttribute("preview", preview);
        model.addAttribute("pages", this);
        return "owner/preview";
    }

    /** A department's name in the page's language, with its group id. */
    public String department(String group) {
        return group == null ? "-" : departments.nameOf(group, texts.locale()) + " (" + group + ")";
    }

    /** A moment in the city's time, in the page's language. */
    public String at(Instant instant) {
        return instant == null ? "-" : texts.date("staff.date.time", instant.atZone(zone));
    }

    private void allowed(Authentication user) {
        if (!policy.mayManageModels(StaffMember.of(user))) {
            throw new AccessDeniedException("only process owners and administrators manage the models");
        }
    }
}
