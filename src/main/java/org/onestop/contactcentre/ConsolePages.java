package org.onestop.contactcentre;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.onestop.cases.Channel;
import org.onestop.city.CityProperties;
import org.onestop.customers.Contact;
import org.onestop.customers.ContactLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * The console's home: one keyboard-first screen with the caller search, a case look-up by reference, the knowledge
 * search and "new contact" by channel. The contact in progress travels in the URL ({@link ContactContext}).
 */
@Controller
class ConsolePages {

    static final Pattern REFERENCE = Pattern.compile("^[A-Za-z]{2}-\\d{4}-\\d{1,12}$");

    private final ContactLog contactLog;
    private final Clock clock;
    private final ZoneId zone;
    private final ConsoleTexts texts;

    ConsolePages(ContactLog contactLog, Clock clock, CityProperties city, ConsoleTexts texts) {
        this.texts = texts;
        this.contactLog = contactLog;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    @ModelAttribute("channels")
    List<Channel> channels() {
        return consoleChannels();
    }

    /** The doors a contact-centre agent takes contacts by (web and app requests arrive by themselves). */
    static List<Channel> consoleChannels() {
        return Arrays.stream(Channel.values()).filter(c -> c != Channel.WEB && c != Channel.APP).toList();
    }

    @GetMapping("/console")
    String home(@RequestParam(required = false) String channel, @RequestParam(required = false) String started,
                @RequestParam(required = false) Long recorded, Model model) {
        ContactContext ctx = ContactContext.of(channel, started, null, clock);
        model.addAttribute("ctx", ctx);
        model.addAttribute("elapsed", ctx.elapsed(clock));
        confirm(model, contactLog, recorded);
        return "console/home";
    }

    /** The "look up a case" box: to the case's console page, or back with a message beside the box. */
    @GetMapping("/console/lookup")
    ModelAndView lookUp(@RequestParam(defaultValue = "") String reference, @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String started, @RequestParam(required = false) String customer) {
        ContactContext ctx = ContactContext.of(channel, started, customer, clock);
        String ref = reference.strip().toUpperCase();
        if (ref.length() <= 24 && REFERENCE.matcher(ref).matches()) {
            return new ModelAndView("redirect:" + ctx.link("/console/cases/" + UriUtils.encodePathSegment(ref, "UTF-8")));
        }
        ModelAndView page = new ModelAndView("console/home", HttpStatus.BAD_REQUEST);
        page.addObject("ctx", ctx);
        page.addObject("elapsed", ctx.elapsed(clock));
        page.addObject("reference", reference.length() > 40 ? reference.substring(0, 40) : reference);
        page.addObject("referenceError", texts.get(reference.isBlank() ? "console.home.error.empty" : "console.home.error.notReference"));
        return page;
    }

    /** A contact that was just recorded, for the confirmation at the top of the next page. */
    static void confirm(Model model, ContactLog log, Long recorded) {
        if (recorded != null) {
            log.find(recorded).ifPresent((Contact c) -> model.addAttribute("recorded", c));
        }
    }
}
