package org.onestop.knowledge;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.contactcentre.ContactContext;
import org.onestop.customers.CustomerService;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Writing and correcting the knowledge base's articles, for the knowledge-editors group only (see SecurityConfig).
 * Searching and reading them during a contact are the console's pages (contactcentre.ConsoleKnowledgePages).
 */
@Controller
class KnowledgePages {

    private final KnowledgeBase knowledge;
    private final ServiceCatalogue catalogue;
    private final ZoneId zone;
    private final PageTexts texts;

    /** The knowledge base's field messages (the API's wording), said in the page's language, by how they begin. */
    private static final Map<String, String> MESSAGES = Map.of("choose a topic", "knowledge.error.topic",
            "is required for the French version", "knowledge.error.french", "guidelines are for agents", "knowledge.error.guideline",
            "choose whether the agent", "knowledge.error.resolution", "is not a service of the city", "knowledge.error.service",
            "choose the service to open a case for", "knowledge.error.serviceForCase",
            "choose the service this article describes", "knowledge.error.serviceDescribed", "is required", "staff.case.error.required");
    private static final Pattern TOO_LONG = Pattern.compile("must be at most (\\d+) characters \\(it has (\\d+)\\)");
    private static final Pattern SAVED_BY = Pattern.compile("(.*) saved this article while you were editing it");

    KnowledgePages(KnowledgeBase knowledge, ServiceCatalogue catalogue, CityProperties city, PageTexts texts) {
        this.texts = texts;
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.zone = city.timeZone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    @GetMapping("/console/knowledge/new")
    String newArticle(Model model) {
        return editor(model, null, ArticleDraft.internal("service", "", "", "", "", "", "answer"), null, Map.of());
    }

    @PostMapping("/console/knowledge")
    ModelAndView create(ArticleDraft draft, Principal editor, Model model) {
        try {
            Article created = knowledge.create(draft, editor.getName());
            return new ModelAndView("redirect:/console/knowledge/" + created.getId());
        } catch (InvalidRequestException e) {
            return invalid(editor(model, null, draft, null, said(e.fieldErrors())), model);
        }
    }

    @GetMapping("/console/knowledge/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Article article = knowledge.get(id);
        return editor(model, article, ArticleDraft.of(article), article.getVersion(), Map.of());
    }

    @PostMapping("/console/knowledge/{id}")
    ModelAndView update(@PathVariable long id, ArticleDraft draft, @RequestParam(required = false) Long version,
                        Principal editor, Model model) {
        try {
            knowledge.update(id, version == null ? -1 : version, draft, editor.getName());
            return new ModelAndView("redirect:/console/knowledge/" + id);
        } catch (InvalidRequestException | ObjectOptimisticLockingFailureException e) {
            Article current = knowledge.get(id);
            Map<String, String> errors = e instanceof InvalidRequestException invalid ? invalid.fieldErrors()
                    : KnowledgeBase.conflict(current).fieldErrors();
            Long formVersion = version;
            if (errors.containsKey("version")) {
                // The editor's text is kept; the form now carries the current version, so saving again replaces it on purpose.
                model.addAttribute("current", current);
                formVersion = current.getVersion();
            }
            return invalid(editor(model, current, draft, formVersion, said(errors)), model);
        }
    }

    /** The knowledge base's messages as the page's reader reads them. */
    private Map<String, String> said(Map<String, String> errors) {
        Map<String, String> said = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher tooLong = TOO_LONG.matcher(message);
            Matcher savedBy = SAVED_BY.matcher(message);
            said.put(field, tooLong.matches() ? texts.get("staff.case.error.long", Integer.valueOf(tooLong.group(1)), Integer.valueOf(tooLong.group(2)))
                    : savedBy.matches() ? texts.get("knowledge.error.savedBy", savedBy.group(1))
                    : texts.known(message, MESSAGES));
        });
        return said;
    }

    private ModelAndView invalid(String view, Model model) {
        ModelAndView page = new ModelAndView(view, HttpStatus.BAD_REQUEST);
        page.addAllObjects(model.asMap());
        return page;
    }

    private String editor(Model model, Article article, ArticleDraft draft, Long version, Map<String, String> errors) {
        model.addAttribute("article", article);
        model.addAttribute("draft", draft);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("topics", Arrays.asList(ArticleTopic.values()));
        model.addAttribute("resolutions", Arrays.asList(Resolution.values()));
        model.addAttribute("services", catalogue.services().stream().sorted(Comparator.comparing(ServiceDefinition::name)).toList());
        return "knowledge/edit";
    }
}
