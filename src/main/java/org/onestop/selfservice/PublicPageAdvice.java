package org.onestop.selfservice;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.city.CityProperties;
import org.onestop.shared.NotFoundException;
import org.onestop.web.PageTexts;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Friendly pages (in the residents' layout,
 * not the staff one) for what cannot be found.
 */
@ControllerAdvice(assignableTypes = {ReportPages.class, StatusPages.class, AnswerPages.class, FrontDoorPages.class, NearbyPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicPageAdvice {

    private final String cityName;

    private final PageTexts texts;

    PublicPageAdvice(CityProperties city, PageTexts texts) {
        this.texts = texts;
        this.cityName = city.name();
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("cityName", cityName);
        model.addAttribute("title", texts.get("problem.notFound"));
        model.addAttribute("message", texts.get("problem.notFound.message"));
        return "public/problem";
    }
}
