package org.onestop.contactcentre;

import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onestop.cases.StaffCases;
import org.onestop.cases.Channel;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.customers.Contact;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.onestop.customers.CustomerService;
import org.onestop.knowledge.Article;
import org.onestop.knowledge.KnowledgeBase;
import org.onestop.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every contact the agent handles ends in the contact log: "New contact" starts the clock, and the contact ends with
 * "Answered the caller with this article" (resolved on first contact) or the wrap-up form (any other outcome).
 */
@Controller
class ConsoleContactPages {

    static final int MAX_TOPIC = 200;
    static final int MAX_NOTES = 2000;

    /** The wrap-up form as typed. */
    record WrapUpForm(String topic, String outcome, String serviceCode, String caseReference, String notes) {
    }

    private final ContactLog contactLog;
    private final CustomerService customers;
    private final KnowledgeBase knowledge;
    private final ServiceCatalogue catalogue;
    private final StaffCases cases;
    private final ConsoleCustomers consoleCustomers;
    private final Clock clock;
    private final ZoneId zone;
    private final ConsoleTexts texts;

    ConsoleContactPages(ContactLog contactLog, CustomerService customers, KnowledgeBase knowledge, ServiceCatalogue catalogue,
                        StaffCases cases, ConsoleCustomers consoleCustomers, Clock clock, CityProperties city, ConsoleTexts texts) {
        this.texts = texts;
        this.contactLog = contactLog;
        this.customers = customers;
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.cases = cases;
        this.consoleCustomers = consoleCustomers;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    /** "New contact": the clock starts now; back to the console home, or to the customer's page. */
    @GetMapping("/console/contacts/start")
    String start(@RequestParam(defaultValue = "phone") String channel, @RequestParam(required = false) String customer) {
        Channel ch;
        try {
            ch = Channel.fromCode(channel);
        } catch (IllegalArgumentException e) {
            ch = Channel.PHONE;
        }
        ContactContext ctx = ContactContext.of(null, null, customer, clock);
        ContactContext started = ContactContext.start(ch, ctx.customerId(), clock);
        return "redirect:" + (ctx.customerId() != null
                ? started.link("/console/customers/" + ctx.customerId())
                : started.anonymous().link("/console"));
    }

    /** The caller was answered from the knowledge base: resolved on first contact, with the article. */
    @PostMapping("/console/contacts/answered")
    String answered(@RequestParam long article, @RequestParam(required = false) String channel,
                    @RequestParam(required = false) String started, @RequestParam(required = false) String customer,
                    Principal agent) {
        Article a = knowledge.get(article);
        ContactContext ctx = context(channel, started, customer);
        Contact contact = contactLog.record(new ContactLog.NewContact(ctx.customerId(), ctx.channelCode(),
                truncate(a.getTitle(), MAX_TOPIC), a.getServiceCode(), ContactOutcome.ANSWERED, a.getId(), null,
                agent.getName(), ctx.started(), null));
        return "redirect:" + after(ctx, contact);
    }

    @GetMapping("/console/contacts/wrap-up")
    String wrapUp(@RequestParam(required = false) String channel, @RequestParam(required = false) String started,
                  @RequestParam(required = false) String customer, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String topic, @RequestParam(name = "case", required = false) String caseReference,
                  Model model) {
        ContactContext ctx = context(channel, started, customer);
        return form(model, ctx, new WrapUpForm(limit(topic, MAX_TOPIC), limit(outcome, 40), null, limit(caseReference, 24), null), Map.of());
    }

    @PostMapping("/console/contacts")
    ModelAndView record(WrapUpForm form, @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String started, @RequestParam(required = false) String customer,
                        org.springframework.security.core.Authentication agent, Model model) {
        ContactContext ctx = context(channel, started, customer);
        Map<String, String> errors = new LinkedHashMap<>();
        String topic = form.topic() == null ? "" : form.topic().strip();
        if (topic.isEmpty()) {
            errors.put("topic", texts.get("console.wrapUp.error.topic"));
        } else if (topic.length() > MAX_TOPIC) {
            errors.put("topic", texts.get("console.wrapUp.error.topicLong", MAX_TOPIC));
        }
        ContactOutcome outcome = null;
        try {
            outcome = form.outcome() == null || form.outcome().isBlank() ? null : ContactOutcome.fromCode(form.outcome().strip());
        } catch (IllegalArgumentException e) {
            outcome = null;
        }
        if (outcome == null) {
            errors.put("outcome", texts.get("console.wrapUp.error.outcome"));
        }
        String service = blankToNull(form.serviceCode());
        if (service != null && catalogue.find(service).isEmpty()) {
            errors.put("serviceCode", texts.get("console.wrapUp.error.service"));
        }
        String reference = blankToNull(form.caseReference());
        if (reference != null) {
            reference = reference.toUpperCase();
            if (reference.length() > 24 || !ConsolePages.REFERENCE.matcher(reference).matches()) {
                errors.put("caseReference", texts.get("console.wrapUp.error.reference"));
            } else if (cases.find(reference, org.onestop.access.StaffMember.of(agent)).isEmpty()) {
                errors.put("caseReference", texts.get("console.wrapUp.error.noCase"));
            }
        } else if (outcome != null && outcome != ContactOutcome.ANSWERED && outcome != ContactOutcome.REFERRED_ELSEWHERE
                && outcome != ContactOutcome.OTHER) {
            errors.put("caseReference", texts.get("console.wrapUp.error.referenceRequired"));
        }
        String notes = blankToNull(form.notes());
        if (notes != null && notes.length() > MAX_NOTES) {
            errors.put("notes", texts.get("console.case.error.tooLong", MAX_NOTES, notes.length()));
        }
        if (!errors.isEmpty()) {
            ModelAndView page = new ModelAndView(form(model, ctx, form, errors), HttpStatus.BAD_REQUEST);
            page.addAllObjects(model.asMap());
            return page;
        }
        Contact contact = contactLog.record(new ContactLog.NewContact(ctx.customerId(), ctx.channelCode(), topic, service,
                outcome, null, reference, agent.getName(), ctx.started(), notes));
        return new ModelAndView("redirect:" + after(ctx, contact));
    }

    /** The contact in the request; one without a channel is a phone call starting now, an unknown customer is dropped. */
    private ContactContext context(String channel, String started, String customer) {
        ContactContext ctx = ContactContext.of(channel, started, customer, clock);
        if (!ctx.inProgress()) {
            ctx = ContactContext.start(Channel.PHONE, ctx.customerId(), clock);
        }
        // A caller out of this user's reach (the access policy) is as unknown as one that does not exist.
        if (ctx.customerId() != null && customers.find(ctx.customerId())
                .filter(c -> consoleCustomers.maySee(c, SecurityContextHolder.getContext().getAuthentication())).isEmpty()) {
            throw new NotFoundException("no customer with id " + ctx.customerId());
        }
        return ctx;
    }

    /** After a contact is recorded: the customer's page (their history shows it), or the console home; the contact is over. */
    private static String after(ContactContext ctx, Contact contact) {
        return ctx.customerId() != null
                ? "/console/customers/" + ctx.customerId() + "?recorded=" + contact.getId()
                : "/console?recorded=" + contact.getId();
    }

    private String form(Model model, ContactContext ctx, WrapUpForm form, Map<String, String> errors) {
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        model.addAttribute("customer", ctx.customerId() == null ? null : customers.find(ctx.customerId()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", Arrays.asList(ContactOutcome.values()));
        java.text.Collator order = java.text.Collator.getInstance(texts.locale());
        model.addAttribute("services", catalogue.services().stream().map(texts::in)
                .sorted(java.util.Comparator.comparing(ServiceDefinition::name, order)).toList());
        return "console/contact-wrap-up";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
