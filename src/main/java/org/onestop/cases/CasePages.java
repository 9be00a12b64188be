package org.onestop.cases;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The staff page of one case: details, due dates, answers and the whole timeline (linked from Tasklist forms). */
@Controller
class CasePages {

    private final CaseService cases;
    private final CaseViews views;
    private final ZoneId zone;

    CasePages(CaseService cases, CaseViews views, @Value("${onestop.city.time-zone:America/Toronto}") String zone) {
        this.cases = cases;
        this.views = views;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, Model model) {
        if (reference.length() > 24) {
            throw new org.onestop.web.NotFoundException("no case with reference '" + reference + "'");
        }
        model.addAttribute("c", views.withTimeline(cases.get(reference)));
        model.addAttribute("zone", zone);
        return "case";
    }
}
