package org.onestop.directory;

import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.web.PageTexts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff directory page, {@code /directory?q=}: whom to call in a department, and who handles what. */
@Controller
class DirectoryPages {

    private final StaffDirectory directory;
    private final CaseAccessPolicy policy;
    private final PageTexts texts;

    DirectoryPages(StaffDirectory directory, CaseAccessPolicy policy, PageTexts texts) {
        this.directory = directory;
        this.policy = policy;
        this.texts = texts;
    }

    @GetMapping("/directory")
    String search(@RequestParam(defaultValue = "") String q, Authentication user, Model model) {
        String query = q.strip();
        if (query.length() > StaffDirectory.MAX_QUERY) {
            query = query.substring(0, StaffDirectory.MAX_QUERY);
        }
        StaffMember reader = StaffMember.of(user);
        model.addAttribute("q", query);
        model.addAttribute("entries", directory.search(query, texts.locale(), reader));
        model.addAttribute("emails", policy.maySeeStaffEmails(reader));
        return "directory";
    }
}
