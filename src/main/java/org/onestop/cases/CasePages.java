package org.onestop.cases;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.onestop.catalogue.FormField;
import org.onestop.catalogue.ServiceCatalogue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The staff page of one case: details, due dates, answers and the whole timeline (linked from Tasklist forms). */
@Controller
class CasePages {

    /** A question and its answer as a resident would read them. */
    record AnswerRow(String question, String answer) {
    }

    private final CaseService cases;
    private final ServiceCatalogue catalogue;
    private final CaseViews views;
    private final ZoneId zone;

    CasePages(CaseService cases, ServiceCatalogue catalogue, CaseViews views, @Value("${onestop.city.time-zone:America/Toronto}") String zone) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.views = views;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, Model model) {
        if (reference.length() > 24) {
            throw new org.onestop.web.NotFoundException("no case with reference '" + reference + "'");
        }
        CaseView view = views.withTimeline(cases.get(reference));
        model.addAttribute("c", view);
        model.addAttribute("answers", answerRows(view));
        model.addAttribute("zone", zone);
        return "case";
    }

    private List<AnswerRow> answerRows(CaseView view) {
        List<FormField> questions = catalogue.find(view.serviceCode()).map(s -> s.questions().fields()).orElse(List.of());
        List<AnswerRow> rows = new ArrayList<>();
        view.answers().forEach((key, value) -> {
            FormField field = questions.stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
            rows.add(new AnswerRow(field == null ? key : field.label(), display(field, value)));
        });
        return rows;
    }

    private static String display(FormField field, Object value) {
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (field != null && field.hasOptions()) {
            List<String> values = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
            return String.join(", ", values.stream().map(v -> field.values().stream().filter(o -> o.value().equals(v))
                    .map(FormField.Option::label).findFirst().orElse(v)).toList());
        }
        return String.valueOf(value);
    }
}
