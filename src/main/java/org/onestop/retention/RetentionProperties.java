package org.onestop.retention;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * How long OneStop keeps residents' personal data ({@code onestop.retention.*}). The periods are the city's to set
 * under its records retention by-law (MFIPPA); the defaults are a placeholder, not advice.
 *
 * @param enabled whether the nightly pass runs (it can still be run on demand)
 * @param personalDataAfter a case's personal data is anonymised this long after the case closed; a contact-log
 *                          entry's details this long after the contact
 * @param customersAfter a customer with no case left and no contact within this period is deleted
 * @param schedule when the nightly pass runs: a Spring cron expression (second minute hour day month weekday) in
 *                 the city's time zone ({@code onestop.city.time-zone})
 * @param batchSize rows per batch; each batch is one short transaction
 */
@ConfigurationProperties("onestop.retention")
record RetentionProperties(Boolean enabled, Period personalDataAfter, Period customersAfter, String schedule, Integer batchSize) {

    static final int MAX_BATCH = 5000;

    RetentionProperties {
        enabled = enabled == null || enabled;
        personalDataAfter = positive("personal-data-after", personalDataAfter);
        customersAfter = positive("customers-after", customersAfter);
        schedule = schedule == null || schedule.isBlank() ? "0 30 3 * * *" : schedule.strip();
        if (!CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("onestop.retention.schedule is not a cron expression (second minute hour"
                    + " day month weekday, e.g. \"0 30 3 * * *\"): " + schedule);
        }
        batchSize = batchSize == null ? 500 : batchSize;
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("onestop.retention.batch-size must be between 1 and " + MAX_BATCH + ": " + batchSize);
        }
    }

    private static Period positive(String name, Period period) {
        if (period == null) {
            return Period.ofYears(2);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("onestop.retention." + name + " must be a positive period such as P2Y: " + period);
        }
        return period;
    }
}
