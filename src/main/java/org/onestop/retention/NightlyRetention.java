package org.onestop.retention;

import java.util.TimeZone;

import org.onestop.city.CityProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The nightly retention pass, on {@code onestop.retention.schedule} in the city's time zone, on every node (the lease
 * lets one work). Registered only when {@code onestop.retention.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class NightlyRetention implements SchedulingConfigurer {

    private final Retention retention;
    private final RetentionProperties settings;
    private final TimeZone zone;

    NightlyRetention(Retention retention, RetentionProperties settings, CityProperties city) {
        this.retention = retention;
        this.settings = settings;
        this.zone = TimeZone.getTimeZone(city.timeZone());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.enabled()) {
            registrar.addCronTask(new CronTask(retention::runScheduled, new CronTrigger(settings.schedule(), zone)));
        }
    }
}
