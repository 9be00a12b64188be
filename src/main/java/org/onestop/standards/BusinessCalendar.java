package org.onestop.standards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.onestop.city.CityProperties;
import org.springframework.stereotype.Component;

/**
 * Office hours, weekends, statutory holidays (from the jollyday library, per province) and the city's own closures.
 * <p>
 * Business durations are ISO-8601: days count whole business days and end at close of business, hours count office
 * hours. "P2D" from a Friday 10:00 before a Monday holiday is due Wednesday at closing time; "PT4H" from 15:00 is
 * due the next business day, 3 office hours after opening.
 */
@Component
public class BusinessCalendar {

    private final CalendarProperties properties;
    private final ZoneId zone;
    private final HolidayManager holidays;
    private final Map<Integer, Set<LocalDate>> closedDaysByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(CalendarProperties properties, CityProperties city) {
        this.properties = properties;
        this.zone = city.timeZone();
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(properties.holidayCountry()));
    }

    public ZoneId zone() {
        return zone;
    }

    /** When something started at {@code start} is due, {@code duration} later on the given clock. */
    public Instant due(Instant start, String duration, Clock clock) {
        Parsed parsed = Parsed.of(duration);
        if (clock == Clock.CALENDAR) {
            return start.atZone(zone).plus(parsed.days()).plus(parsed.time()).toInstant();
        }
        ZonedDateTime at = start.atZone(zone);
        if (!parsed.days().isZero()) {
            LocalDate day = effectiveDay(at.toLocalDateTime());
            for (int i = 0; i < parsed.days().getDays(); i++) {
                day = nextBusinessDay(day);
            }
            at = ZonedDateTime.of(day, properties.officeCloses(), zone);
        }
        return addOfficeTime(at, parsed.time()).toInstant();
    }

    /**
     * Moves a due date on by the time a case was paused: on the business clock by the office time that passed
     * while it waited (three business days of waiting move it three business days), on the calendar by the time itself.
     */
    public Instant extend(Instant due, Instant pausedFrom, Instant pausedUntil, Clock clock) {
        if (due == null || !pausedUntil.isAfter(pausedFrom)) {
            return due;
        }
        if (clock == Clock.CALENDAR) {
            return due.plus(Duration.between(pausedFrom, pausedUntil));
        }
        return addOfficeTime(due.atZone(zone), officeTimeBetween(pausedFrom, pausedUntil)).toInstant();
    }

    /**
     * The moment {@code duration} before {@code due} on the given clock: on the business clock a day back is the same
     * time on the business day before, and hours are office hours counted backwards.
     */
    public Instant before(Instant due, String duration, Clock clock) {
        Parsed parsed = Parsed.of(duration);
        if (clock == Clock.CALENDAR) {
            return due.atZone(zone).minus(parsed.days()).minus(parsed.time()).toInstant();
        }
        ZonedDateTime at = due.atZone(zone);
        for (int i = 0; i < parsed.days().getDays(); i++) {
            LocalDate day = at.toLocalDate().minusDays(1);
            while (!isBusinessDay(day)) {
                day = day.minusDays(1);
            }
            at = ZonedDateTime.of(day, at.toLocalTime(), zone);
        }
        Duration left = parsed.time();
        while (!left.isZero()) {
            LocalDate day = at.toLocalDate();
            if (isBusinessDay(day)) {
                ZonedDateTime open = ZonedDateTime.of(day, properties.officeOpens(), zone);
                ZonedDateTime close = ZonedDateTime.of(day, properties.officeCloses(), zone);
                ZonedDateTime until = at.isBefore(close) ? at : close;
                if (until.isAfter(open)) {
                    Duration available = Duration.between(open, until);
                    if (available.compareTo(left) >= 0) {
                        return until.minus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            at = ZonedDateTime.of(day.minusDays(1), properties.officeCloses(), zone);
        }
        return at.toInstant();
    }

    /** Whether the city's offices are open at this moment. */
    public boolean isOfficeOpen(Instant instant) {
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        return isBusinessDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(properties.officeOpens())
                && local.toLocalTime().isBefore(properties.officeCloses());
    }

    public boolean isBusinessDay(LocalDate day) {
        return properties.workingDays().contains(day.getDayOfWeek()) && !closedDays(day.getYear()).contains(day);
    }

    /** Office time between two instants: what a business-time clock counts. */
    public Duration officeTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, properties.officeOpens(), zone).toInstant();
            Instant close = ZonedDateTime.of(day, properties.officeCloses(), zone).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            Instant b = to.isBefore(close) ? to : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /**
     * The day the clock starts: today if it is a business day and the office has not closed yet (closing time itself
     * still counts, so days after a due date fall on the days after it), else the next business day.
     */
    private LocalDate effectiveDay(LocalDateTime at) {
        LocalDate day = at.toLocalDate();
        if (isBusinessDay(day) && !at.toLocalTime().isAfter(properties.officeCloses())) {
            return day;
        }
        return nextBusinessDay(day);
    }

    private LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private ZonedDateTime addOfficeTime(ZonedDateTime at, Duration time) {
        if (time.isZero()) {
            return at;
        }
        Duration left = time;
        LocalDate day = at.toLocalDate();
        ZonedDateTime cursor = at;
        while (true) {
            if (isBusinessDay(day)) {
                ZonedDateTime open = ZonedDateTime.of(day, properties.officeOpens(), zone);
                ZonedDateTime close = ZonedDateTime.of(day, properties.officeCloses(), zone);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (available.compareTo(left) >= 0) {
                        return from.plus(left);
                    }
                    left = left.minus(available);
                }
            }
            day = day.plusDays(1);
            cursor = ZonedDateTime.of(day, properties.officeOpens(), zone);
        }
    }

    private Set<LocalDate> closedDays(int year) {
        return closedDaysByYear.computeIfAbsent(year, y -> {
            String[] subdivision = properties.holidaySubdivision() == null || properties.holidaySubdivision().isBlank()
                    ? new String[0] : new String[] {properties.holidaySubdivision()};
            List<LocalDate> statutory = holidays.getHolidays(Year.of(y), subdivision).stream()
                    .filter(h -> properties.holidayTypes().contains(h.getType()))
                    .map(h -> h.getObservedDate().orElse(h.getDate()))
                    .sorted().toList();
            Set<LocalDate> closed = new HashSet<>(statutory);
            properties.closureDays().stream().filter(d -> d.getYear() == y).forEach(closed::add);
            if (properties.substituteWeekendHolidays()) {
                // Christmas on a Saturday closes Monday; Boxing Day on the Sunday then closes Tuesday.
                for (LocalDate holiday : statutory) {
                    if (!properties.workingDays().contains(holiday.getDayOfWeek())) {
                        LocalDate substitute = holiday.plusDays(1);
                        while (!properties.workingDays().contains(substitute.getDayOfWeek()) || closed.contains(substitute)) {
                            substitute = substitute.plusDays(1);
                        }
                        closed.add(substitute);
                    }
                }
            }
            return Set.copyOf(closed);
        });
    }

    /** Calendar time (emergencies, around the clock) or business time (office hours). */
    public enum Clock {
        CALENDAR, BUSINESS;

        public static Clock of(String code) {
            return code != null && code.trim().equalsIgnoreCase("calendar") ? CALENDAR : BUSINESS;
        }
    }

    private record Parsed(Period days, Duration time) {
        static Parsed of(String iso) {
            if (iso == null || iso.isBlank()) {
                throw new IllegalArgumentException("a service standard needs a duration such as P2D or PT4H");
            }
            String value = iso.trim().toUpperCase();
            try {
                int t = value.indexOf('T');
                Period period = t < 0 ? Period.parse(value) : t == 1 ? Period.ZERO : Period.parse(value.substring(0, t));
                Duration duration = t < 0 ? Duration.ZERO : Duration.parse("PT" + value.substring(t + 1));
                if (period.getYears() != 0 || period.getMonths() != 0 || period.isNegative() || duration.isNegative()) {
                    throw new IllegalArgumentException("service standard durations are days and hours, not '" + iso + "'");
                }
                return new Parsed(period, duration);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + iso + "' is not an ISO-8601 duration such as P2D or PT4H", e);
            }
        }
    }
}
