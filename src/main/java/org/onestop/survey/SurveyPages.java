package org.onestop.survey;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The follow-up survey page behind the one-use link in the "resolved" notice: no login, works without JavaScript. */
@Controller
@RequestMapping("/survey")
class SurveyPages {

    private final SurveyService surveys;
    private final ServiceCatalogue catalogue;
    private final String city;

    private final PageTexts texts;

    SurveyPages(SurveyService surveys, ServiceCatalogue catalogue, CityProperties city, PageTexts texts) {
        this.texts = texts;
        this.surveys = surveys;
        this.catalogue = catalogue;
        this.city = city.name();
    }

    @GetMapping("/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        SurveyService.Link link = surveys.find(token);
        if (link.state() != SurveyService.State.OPEN) {
            return closed(link.state(), link.reference(), model, response);
        }
        return form(token, link, Map.of(), null, null, null, null, model);
    }

    @PostMapping("/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String rating,
                  @RequestParam(required = false) String effort, @RequestParam(required = false) String fixed, @RequestParam(required = false) String comment,
                  Model model, HttpServletResponse response) {
        SurveyService.Link link = surveys.find(token);
        if (link.state() != SurveyService.State.OPEN) {
            return closed(link.state(), link.reference(), model, response);
        }
        SurveyService.Outcome outcome;
        try {
            outcome = surveys.answer(token, rating, effort, fixed, comment);
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(token, link, e.fieldErrors(), rating, effort, fixed, comment, model);
        }
        if (outcome.state() != SurveyService.State.OPEN) {
            return closed(outcome.state(), outcome.reference(), model, response);
        }
        model.addAttribute("title", texts.get("survey.title.thanks"));
        model.addAttribute("outcome", outcome);
        model.addAttribute("city", city);
        return "survey/thanks";
    }

    private String form(String token, SurveyService.Link link, Map<String, String> errors, String rating, String effort, String fixed,
                        String comment, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("title", texts.get("survey.title.form"));
        model.addAttribute("link", link);
        model.addAttribute("service", catalogue.find(link.serviceCode()).map(s -> s.in(texts.locale())).map(ServiceDefinition::name).orElse(link.serviceCode()));
        model.addAttribute("errors", texts.french() ? french(errors) : errors);
        model.addAttribute("rating", rating == null ? "" : rating.trim());
        model.addAttribute("effort", effort == null ? "" : effort.trim());
        model.addAttribute("fixed", fixed == null ? "" : fixed.trim());
        model.addAttribute("comment", comment == null ? "" : comment);
        model.addAttribute("maxComment", SurveyService.MAX_COMMENT);
        model.addAttribute("city", city);
        return "survey/form";
    }

    private String closed(SurveyService.State state, String reference, Model model, HttpServletResponse response) {
        response.setStatus(state == SurveyService.State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        model.addAttribute("title", switch (state) {
            case ANSWERED -> texts.get("survey.title.answered");
            case EXPIRED -> texts.get("survey.title.expired");
            default -> texts.get("survey.title.unknown");
        });
        model.addAttribute("state", state.name());
        model.addAttribute("reference", reference);
        return "survey/closed";
    }

    /** SurveyService words its checks in English; in French each field gets its own sentence. */
    private Map<String, String> french(Map<String, String> errors) {
        Map<String, String> french = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> french.put(field, switch (field) {
            case "rating" -> texts.get("survey.error.rating");
            case "effort" -> texts.get("survey.error.effort");
            case "comment" -> texts.get("survey.error.comment", SurveyService.MAX_COMMENT);
            default -> texts.get("survey.error.fixed");
        }));
        return french;
    }
}
