package org.onestop.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the start page that leads staff to their work ({@code /staff}, where the login lands); the root
 * address is the residents' front door (selfservice).
 */
@Controller
class Pages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/staff")
    String home(Principal user, Model model) {
        model.addAttribute("user", user.getName());
        return "home";
    }
}
