package org.onestop.knowledge;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.contactcentre.ContactContext;
import org.onestop.customers.CustomerService;
import org.onestop.shared.InvalidRequestException;
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

    KnowledgePages(KnowledgeBase knowledge, ServiceCatalogue catalogue, CityProperties city) {
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
            return invalid(editor(model, null, draft, null, e.fieldErrors()), model);
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
            return invalid(editor(model, current, draft, formVersion, errors), model);
        }
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
