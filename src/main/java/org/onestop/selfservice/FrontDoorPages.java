package org.onestop.selfservice;

import org.onestop.city.PublicStatements;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The residents' front door at the root address (report a problem, check a status, the A–Z and answers; staff sign
 * in from a link), and the privacy and accessibility statements every footer links to, from configuration
 * ({@link PublicStatements}), in the page's language. No login; staff land on {@code /staff} after theirs.
 */
@Controller
class FrontDoorPages {

    private final PublicStatements statements;
    private final PageTexts texts;

    FrontDoorPages(PublicStatements statements, PageTexts texts) {
        this.texts = texts;
        this.statements = statements;
    }

    @GetMapping("/")
    String frontDoor() {
        return "public/front-door";
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        return statement(model, texts.get("statement.privacy"), statements.in(texts.locale()).privacyParagraphs());
    }

    @GetMapping("/accessibility")
    String accessibility(Model model) {
        return statement(model, texts.get("statement.accessibility"), statements.in(texts.locale()).accessibilityParagraphs());
    }

    private static String statement(Model model, String title, java.util.List<String> paragraphs) {
        model.addAttribute("title", title);
        model.addAttribute("paragraphs", paragraphs);
        return "public/statement";
    }
}
