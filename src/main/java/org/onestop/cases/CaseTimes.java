package org.onestop.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as residents read them: "Wednesday, May 20, 2026 at 4:30 p.m.". */
public final class CaseTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a", Locale.CANADA);

    private CaseTimes() {
    }

    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "-" : FORMAT.format(instant.atZone(zone));
    }
}
