package org.onestop.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.onestop.city.CityProperties;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.SimpleTriggerContext;

/** The nightly pass is scheduled in the city's time zone, and not at all when the city turns it off. */
class NightlyRetentionTest {

    static final ZoneId CITY = ZoneId.of("America/Toronto");

    @Test
    void runsAtHalfPastThreeInTheMorningCityTime() {
        Retention retention = mock(Retention.class);
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        new NightlyRetention(retention, new RetentionProperties(null, null, null, null, null), new CityProperties("the city", CITY)).configureTasks(registrar);

        assertThat(registrar.getCronTaskList()).hasSize(1);
        CronTask task = registrar.getCronTaskList().get(0);
        Instant evening = LocalDateTime.parse("2026-11-24T22:00").atZone(CITY).toInstant();
        Instant next = task.getTrigger().nextExecution(new SimpleTriggerContext(Clock.fixed(evening, ZoneOffset.UTC)));
        assertThat(next).isEqualTo(LocalDateTime.parse("2026-11-25T03:30").atZone(CITY).toInstant());

        task.getRunnable().run();
        verify(retention).runScheduled();
    }

    @Test
    void isNotScheduledWhenDisabled() {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        new NightlyRetention(mock(Retention.class), new RetentionProperties(false, null, null, null, null), new CityProperties("the city", CITY))
                .configureTasks(registrar);
        assertThat(registrar.getCronTaskList()).isEmpty();
    }
}
