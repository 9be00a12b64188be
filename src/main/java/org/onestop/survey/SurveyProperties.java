package org.onestop.survey;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-up survey ({@code onestop.survey.*}).
 *
 * @param validFor how long the survey link in the "resolved" notice stays valid; the notice tells the resident in
 *                 whole days, so at least one day
 */
@Validated
@ConfigurationProperties("onestop.survey")
public record SurveyProperties(@DefaultValue("P30D") @NotNull @DurationMin(days = 1) Duration validFor) {
}
