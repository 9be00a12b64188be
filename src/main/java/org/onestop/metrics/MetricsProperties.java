package org.onestop.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The metrics ({@code onestop.metrics.*}).
 *
 * @param refreshEvery how often each node counts open and overdue cases, the outbox and the engine's jobs and
 *                     incidents for its gauges (a few grouped queries); a scrape reads the last counts and never the
 *                     database. {@code onestop_metrics_snapshot_age_seconds} says how old they are.
 */
@Validated
@ConfigurationProperties("onestop.metrics")
record MetricsProperties(@DefaultValue("PT30S") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) Duration refreshEvery) {
}
