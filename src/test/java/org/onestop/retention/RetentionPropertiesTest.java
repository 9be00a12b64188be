package org.onestop.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;

/** The retention settings: defaults, and the values refused at startup. */
class RetentionPropertiesTest {

    @Test
    void defaultsAreTwoYearsNightlyInBatchesOf500() {
        RetentionProperties settings = new RetentionProperties(null, null, null, null, null);
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.personalDataAfter()).isEqualTo(Period.ofYears(2));
        assertThat(settings.customersAfter()).isEqualTo(Period.ofYears(2));
        assertThat(settings.schedule()).isEqualTo("0 30 3 * * *");
        assertThat(settings.batchSize()).isEqualTo(500);
    }

    @Test
    void theCitysValuesAreKept() {
        RetentionProperties settings = new RetentionProperties(false, Period.parse("P7Y"), Period.parse("P18M"), "0 0 2 * * SUN", 1000);
        assertThat(settings).isEqualTo(new RetentionProperties(false, Period.ofYears(7), Period.ofMonths(18), "0 0 2 * * SUN", 1000));
    }

    @Test
    void periodsMustBePositive() {
        assertThatThrownBy(() -> new RetentionProperties(null, Period.ZERO, null, null, null))
                .hasMessageContaining("onestop.retention.personal-data-after");
        assertThatThrownBy(() -> new RetentionProperties(null, null, Period.parse("P-1Y"), null, null))
                .hasMessageContaining("onestop.retention.customers-after");
        assertThatThrownBy(() -> new RetentionProperties(null, Period.parse("P1Y-13M"), null, null, null))
                .hasMessageContaining("positive");
    }

    @Test
    void theScheduleMustBeACronExpression() {
        assertThatThrownBy(() -> new RetentionProperties(null, null, null, "nightly", null)).hasMessageContaining("cron");
        assertThatThrownBy(() -> new RetentionProperties(null, null, null, "0 30 3 * *", null)).hasMessageContaining("cron");
    }

    @Test
    void batchesAreBetweenOneAndFiveThousandRows() {
        assertThatThrownBy(() -> new RetentionProperties(null, null, null, null, 0)).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new RetentionProperties(null, null, null, null, 5001)).hasMessageContaining("batch-size");
        assertThat(new RetentionProperties(null, null, null, null, 1).batchSize()).isEqualTo(1);
    }
}
