package org.onestop.shared;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The KPIs' rollups of the cases and the contact log ({@code onestop.kpis.rollup.*}), which both features keep.
 *
 * @param every how often a node brings the rollup up to date (the days of the cases changed since its last pass)
 * @param scheduled whether this node does so on its own (the tests turn it off: they move the clock back and forth)
 */
@Validated
@ConfigurationProperties("onestop.kpis.rollup")
public record RollupProperties(@DefaultValue("PT30S") @NotNull @DurationMin(seconds = 1) Duration every,
                               @DefaultValue("true") boolean scheduled) {
}
