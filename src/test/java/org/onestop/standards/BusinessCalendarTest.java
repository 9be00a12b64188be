package org.onestop.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onestop.city.CityProperties;
import org.onestop.standards.BusinessCalendar.Clock;

/** Due dates on the city's calendar: office hours 8:30–16:30, Monday to Friday, Ontario's holidays, city closures. */
class BusinessCalendarTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties(LocalTime.of(8, 30), LocalTime.of(16, 30),
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            "ca", "on", List.of(LocalDate.of(2026, 12, 24)), null, null), new CityProperties("the city", TORONTO));

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TORONTO).toInstant();
    }

    @Test
    void ontarioStatutoryHolidaysAndCityClosuresAreNotBusinessDays() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 18))).as("Victoria Day").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 3))).as("Good Friday").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 2, 16))).as("Family Day").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 10, 12))).as("Thanksgiving").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 24))).as("the city's own closure day").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 28))).as("Boxing Day 2026 is a Saturday: Monday instead").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 12, 27))).as("Christmas 2027 is a Saturday: Monday instead").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 12, 28))).as("Boxing Day 2027 is a Sunday: Tuesday instead").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 6))).as("Easter Monday is a bank holiday, offices open").isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 19))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 16))).as("Saturday").isFalse();
    }

    @Test
    void aRequestAfterClosingOnTheFridayBeforeALongWeekendStartsItsClockAfterTheHoliday() {
        // Received Friday 16:55, after closing; Monday is Victoria Day. The clock starts Tuesday:
        // two business days after that is Thursday, due at closing time.
        assertThat(calendar.due(at("2026-05-15T16:55"), "P2D", Clock.BUSINESS)).isEqualTo(at("2026-05-21T16:30"));
    }

    @Test
    void businessDaysEndAtClosingTimeOfTheNthBusinessDay() {
        assertThat(calendar.due(at("2026-05-12T10:00"), "P1D", Clock.BUSINESS)).isEqualTo(at("2026-05-13T16:30"));
        assertThat(calendar.due(at("2026-05-14T10:00"), "P2D", Clock.BUSINESS)).as("over Victoria Day weekend").isEqualTo(at("2026-05-19T16:30"));
        assertThat(calendar.due(at("2026-05-16T11:00"), "P1D", Clock.BUSINESS)).as("received on the Saturday of a long weekend")
                .isEqualTo(at("2026-05-20T16:30"));
        assertThat(calendar.due(at("2026-12-23T09:00"), "P1D", Clock.BUSINESS)).as("over the closure day and Christmas")
                .isEqualTo(at("2026-12-29T16:30"));
    }

    @Test
    void businessHoursCountOnlyOfficeTime() {
        assertThat(calendar.due(at("2026-05-15T15:30"), "PT2H", Clock.BUSINESS)).as("1 h Friday, 1 h Tuesday").isEqualTo(at("2026-05-19T09:30"));
        assertThat(calendar.due(at("2026-05-12T07:00"), "PT4H", Clock.BUSINESS)).as("before opening").isEqualTo(at("2026-05-12T12:30"));
        assertThat(calendar.due(at("2026-05-12T10:00"), "P1DT2H", Clock.BUSINESS)).isEqualTo(at("2026-05-14T10:30"));
    }

    @Test
    void remindersCountBackOnTheSameClock() {
        assertThat(calendar.before(at("2026-05-19T16:30"), "P1D", Clock.BUSINESS)).as("back over Victoria Day weekend")
                .isEqualTo(at("2026-05-15T16:30"));
        assertThat(calendar.before(at("2026-05-19T09:30"), "PT2H", Clock.BUSINESS)).as("1 h Tuesday, 1 h Friday")
                .isEqualTo(at("2026-05-15T15:30"));
        assertThat(calendar.before(at("2026-05-17T04:00"), "PT30M", Clock.CALENDAR)).isEqualTo(at("2026-05-17T03:30"));
    }

    @Test
    void calendarTimeRunsAroundTheClock() {
        assertThat(calendar.due(at("2026-05-17T02:00"), "PT2H", Clock.CALENDAR)).as("emergency on a Sunday night").isEqualTo(at("2026-05-17T04:00"));
        assertThat(calendar.due(at("2026-05-15T16:55"), "P1D", Clock.CALENDAR)).isEqualTo(at("2026-05-16T16:55"));
    }

    @Test
    void officeOpenAndOfficeTimeBetween() {
        assertThat(calendar.isOfficeOpen(at("2026-05-12T08:30"))).isTrue();
        assertThat(calendar.isOfficeOpen(at("2026-05-12T16:30"))).isFalse();
        assertThat(calendar.isOfficeOpen(at("2026-05-18T10:00"))).as("holiday").isFalse();
        assertThat(calendar.officeTimeBetween(at("2026-05-15T15:30"), at("2026-05-19T09:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(calendar.officeTimeBetween(at("2026-05-19T09:30"), at("2026-05-15T15:30"))).isZero();
    }

    @Test
    void durationsMustBeDaysAndHours() {
        assertThatThrownBy(() -> calendar.due(at("2026-05-12T10:00"), "P1M", Clock.BUSINESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.due(at("2026-05-12T10:00"), "soon", Clock.BUSINESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.due(at("2026-05-12T10:00"), "", Clock.BUSINESS)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Clock.of("calendar")).isEqualTo(Clock.CALENDAR);
        assertThat(Clock.of("business")).isEqualTo(Clock.BUSINESS);
        assertThat(Clock.of(null)).isEqualTo(Clock.BUSINESS);
    }
}
