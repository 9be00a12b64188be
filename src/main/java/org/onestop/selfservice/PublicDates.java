package org.onestop.selfservice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates as the residents' pages show them, in the city's zone and the page's language: "Tuesday 8 December 2026",
 * "mardi 8 décembre 2026"; with the time, "10:00 a.m." in English and "10 h 00" in French (Canadian usage).
 */
final class PublicDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a", Locale.CANADA);
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter JOUR_HEURE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, H 'h' mm", Locale.CANADA_FRENCH);

    private PublicDates() {
    }

    static String day(Instant instant, ZoneId zone) {
        return instant == null ? null : (french() ? JOUR : DAY).format(instant.atZone(zone));
    }

    static String dayAndTime(Instant instant, ZoneId zone) {
        return instant == null ? null : (french() ? JOUR_HEURE : DAY_TIME).format(instant.atZone(zone));
    }

    private static boolean french() {
        return "fr".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
