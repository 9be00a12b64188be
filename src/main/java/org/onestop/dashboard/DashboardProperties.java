package org.onestop.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The public dashboard's settings ({@code onestop.dashboard.*}).
 *
 * @param refresh how long the figures are kept before they are computed again (the page is public: anonymous traffic
 *                never runs the grouped queries more often than this, per node)
 */
@Validated
@ConfigurationProperties("onestop.dashboard")
public record DashboardProperties(Duration refresh) {

    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);

    public DashboardProperties {
        refresh = refresh == null ? DEFAULT_REFRESH : refresh;
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("onestop.dashboard.refresh must be positive");
        }
    }
}
