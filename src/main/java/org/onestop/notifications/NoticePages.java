package org.onestop.notifications;

import org.onestop.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The opt-out link in every resident notice: a page that says whose notices these are and whether they are on, a
 * button to stop them and one to start them again. No login: the link's token is the key.
 */
@Controller
@RequestMapping("/notices")
class NoticePages {

    private final OptOuts optOuts;

    NoticePages(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @GetMapping("/opt-out/{token}")
    String page(@PathVariable String token, Model model) {
        return show(optOuts.find(token).orElseThrow(NoticePages::unknown), null, model);
    }

    @PostMapping("/opt-out/{token}")
    String optOut(@PathVariable String token, Model model) {
        return show(optOuts.set(token, true).orElseThrow(NoticePages::unknown), "stopped", model);
    }

    @PostMapping("/opt-in/{token}")
    String optIn(@PathVariable String token, Model model) {
        return show(optOuts.set(token, false).orElseThrow(NoticePages::unknown), "started", model);
    }

    private static String show(OptOuts.Subscription subscription, String changed, Model model) {
        model.addAttribute("subscription", subscription);
        model.addAttribute("changed", changed);
        return "notices/opt-out";
    }

    private static NotFoundException unknown() {
        return new NotFoundException("This link is not valid. Please use the link from your most recent notice, "
                + "or contact us to change how we keep you informed.");
    }
}
