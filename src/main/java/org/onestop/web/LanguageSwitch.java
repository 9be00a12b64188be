package org.onestop.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The language switch on every page ({@code languageSwitch} in the layouts): the same page, with its query, in the
 * other language ({@code ?lang=fr} or {@code ?lang=en}, which the cookie then keeps).
 */
@ControllerAdvice
class LanguageSwitch {

    record Link(String href, String language, String label) {
    }

    @ModelAttribute("languageSwitch")
    Link languageSwitch(HttpServletRequest request) {
        Locale other = Languages.FRENCH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())
                ? Languages.ENGLISH : Languages.FRENCH;
        return new Link(href(request.getRequestURI(), request.getQueryString(), other.getLanguage()), other.getLanguage(),
                other == Languages.FRENCH ? "Français" : "English");
    }

    /** The path and query as they came (still encoded), without any lang parameter, with lang=<language> added. */
    static String href(String path, String query, String language) {
        String safePath = path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        StringBuilder href = new StringBuilder(safePath).append('?');
        if (query != null && query.length() <= 2000) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals(Languages.PARAMETER) && !pair.startsWith(Languages.PARAMETER + "=")) {
                    href.append(pair).append('&');
                }
            }
        }
        return href.append(Languages.PARAMETER).append('=').append(language).toString();
    }
}
