package org.onestop.cases;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cases ({@code onestop.cases.*}).
 *
 * @param reopenWindow how long after its resolution "not fixed" (console, status page, survey, API) may reopen a
 *                     resolved or closed case; {@code PT0S} turns reopening off
 */
@Validated
@ConfigurationProperties("onestop.cases")
public record CaseProperties(@DefaultValue("P30D") @NotNull @DurationMin(seconds = 0) Duration reopenWindow) {
}
