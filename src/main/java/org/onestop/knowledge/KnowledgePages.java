package org.onestop.knowledge;

import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.contactcentre.ContactContext;
import org.onestop.customers.CustomerService;
import org.onestop.shared.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
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
 * The knowledge base in the console: search by the caller's words, read an article (and record that it answered the
 * caller), and, for the knowledge-editors group only (see SecurityConfig), write and correct articles.
 */
@Controller
class KnowledgePages {

    static final int RESULTS = 20;

    private final KnowledgeBase knowledge;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final Clock clock;
    private final ZoneId zone;

    KnowledgePages(KnowledgeBase knowledge, ServiceCatalogue catalogue, CustomerService customers, Clock clock,
                   @Value("${onestop.city.time-zone:America/Toronto}") String zone) {
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.customers = customers;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    @GetMapping("/console/knowledge")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String topic,
                  @RequestParam(required = false) String channel, @RequestParam(required = false) String started,
                  @RequestParam(required = false) String customer, Model model) {
        context(model, channel, started, customer);
        String query = q.strip();
        if (query.length() > KnowledgeBase.MAX_QUERY) {
            query = query.substring(0, KnowledgeBase.MAX_QUERY);
        }
        model.addAttribute("q", query);
        if (!query.isEmpty()) {
            model.addAttribute("hits", knowledge.search(query, RESULTS));
        }
        ArticleTopic only = ArticleTopic.fromCode(topic);
        model.addAttribute("topic", only);
        model.addAttribute("topics", only != null ? List.of(only) : Arrays.asList(ArticleTopic.values()));
        model.addAttribute("byTopic", Arrays.stream(ArticleTopic.values())
                .collect(java.util.stream.Collectors.toMap(t -> t, knowledge::byTopic)));
        return "knowledge/search";
    }

    @GetMapping("/console/knowledge/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String q, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String started, @RequestParam(required = false) String customer, Model model) {
        context(model, channel, started, customer);
        Article article = knowledge.get(id);
        model.addAttribute("article", article);
        model.addAttribute("q", q == null || q.length() > KnowledgeBase.MAX_QUERY ? null : q.strip());
        model.addAttribute("service", article.getServiceCode() == null ? null : catalogue.find(article.getServiceCode()).orElse(null));
        return "knowledge/article";
    }

    @GetMapping("/console/knowledge/new")
    String newArticle(Model model) {
        return editor(model, null, new ArticleDraft("service", "", "", "", "", "", "answer"), null, Map.of());
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

    private void context(Model model, String channel, String started, String customer) {
        ContactContext ctx = ContactContext.of(channel, started, customer, clock);
        if (ctx.customerId() != null && customers.find(ctx.customerId()).isEmpty()) {
            ctx = ctx.anonymous();
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        model.addAttribute("customer", ctx.customerId() == null ? null : customers.find(ctx.customerId()).orElse(null));
    }
}
