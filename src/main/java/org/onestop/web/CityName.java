package org.onestop.web;

import org.onestop.city.CityProperties;
import org.onestop.city.PublicStatements;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The city's name on every page (the residents' header and page titles use it), and its notice of collection for
 * every form that asks for personal data (fragments/collection-notice).
 */
@ControllerAdvice
class CityName {

    private final String cityName;
    private final PublicStatements statements;

    CityName(CityProperties city, PublicStatements statements) {
        this.cityName = city.name();
        this.statements = statements;
    }

    @ModelAttribute("cityName")
    String cityName() {
        return cityName;
    }

    /** The notice of collection in the page's language. */
    @ModelAttribute("collectionNotice")
    PublicStatements collectionNotice() {
        return statements.in(LocaleContextHolder.getLocale());
    }
}
