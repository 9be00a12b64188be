package org.onestop.contactcentre;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.onestop.city.CityProperties;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.onestop.knowledge.Article;
import org.onestop.knowledge.ArticleTopic;
import org.onestop.knowledge.KnowledgeBase;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The knowledge base as the agent uses it during a contact: search by the caller's words and read an article (from
 * which "Answered the caller" ends the contact), with the contact in progress carried along. The knowledge feature
 * owns the articles and their editing; the console owns the contact.
 */
@Controller
class ConsoleKnowledgePages {

    static final int RESULTS = 20;

    private final KnowledgeBase knowledge;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final ConsoleCustomers consoleCustomers;
    private final Clock clock;
    private final ZoneId zone;

    ConsoleKnowledgePages(KnowledgeBase knowledge, ServiceCatalogue catalogue, CustomerService customers, ConsoleCustomers consoleCustomers, Clock clock,
                          CityProperties city) {
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.customers = customers;
        this.consoleCustomers = consoleCustomers;
        this.clock = clock;
        this.zone = city.timeZone();
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
                .collect(Collectors.toMap(t -> t, knowledge::byTopic)));
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

    /** The contact in progress; a caller out of this user's reach (the access policy) is treated as unknown. */
    private void context(Model model, String channel, String started, String customer) {
        ContactContext ctx = ContactContext.of(channel, started, customer, clock);
        Customer caller = ctx.customerId() == null ? null : customers.find(ctx.customerId())
                .filter(c -> consoleCustomers.maySee(c, SecurityContextHolder.getContext().getAuthentication())).orElse(null);
        if (ctx.customerId() != null && caller == null) {
            ctx = ctx.anonymous();
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        model.addAttribute("customer", caller);
    }
}
