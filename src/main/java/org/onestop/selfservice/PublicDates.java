package org.onestop.selfservice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the residents' pages show them, in the city's zone: "Tuesday 8 December 2026". */
final class PublicDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a", Locale.CANADA);

    private PublicDates() {
    }

    static String day(Instant instant, ZoneId zone) {
        return instant == null ? null : DAY.format(instant.atZone(zone));
    }

    static String dayAndTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DAY_TIME.format(instant.atZone(zone));
    }
}
