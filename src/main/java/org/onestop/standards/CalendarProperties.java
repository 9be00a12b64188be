package org.onestop.standards;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import de.focus_shift.jollyday.core.HolidayType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The city's office hours and closures ({@code onestop.calendar.*}).
 *
 * @param holidayCountry ISO country code of the statutory holidays (jollyday), e.g. {@code ca}
 * @param holidaySubdivision province or state within it, e.g. {@code on} for Ontario
 * @param closureDays the city's own closure days on top of the statutory holidays
 * @param holidayTypes which of jollyday's holiday types close the offices (default: public holidays only)
 * @param substituteWeekendHolidays a holiday on a weekend closes the next business day instead, as Ontario's do
 */
@ConfigurationProperties("onestop.calendar")
public record CalendarProperties(LocalTime officeOpens, LocalTime officeCloses, Set<DayOfWeek> workingDays,
                                 String holidayCountry, String holidaySubdivision, List<LocalDate> closureDays,
                                 Set<HolidayType> holidayTypes, Boolean substituteWeekendHolidays) {

    public CalendarProperties {
        officeOpens = officeOpens == null ? LocalTime.of(8, 30) : officeOpens;
        officeCloses = officeCloses == null ? LocalTime.of(16, 30) : officeCloses;
        if (!officeCloses.isAfter(officeOpens)) {
            throw new IllegalArgumentException("onestop.calendar.office-closes must be after office-opens");
        }
        workingDays = workingDays == null || workingDays.isEmpty()
                ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                : Set.copyOf(workingDays);
        holidayCountry = holidayCountry == null || holidayCountry.isBlank() ? "ca" : holidayCountry;
        closureDays = closureDays == null ? List.of() : List.copyOf(closureDays);
        holidayTypes = holidayTypes == null || holidayTypes.isEmpty() ? Set.of(HolidayType.PUBLIC_HOLIDAY) : Set.copyOf(holidayTypes);
        substituteWeekendHolidays = substituteWeekendHolidays == null || substituteWeekendHolidays;
    }
}
