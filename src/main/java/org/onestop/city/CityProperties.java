package org.onestop.city;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The city OneStop serves ({@code onestop.city.*}).
 *
 * @param name the city's name as residents read it: the residents' pages' header and titles, notices ("a team of
 *             City of Lakeport has taken on your request"), the survey
 * @param timeZone the city's time zone, an IANA id such as {@code America/Toronto}: office hours, due dates, the days
 *                 of reports and of the on-call roster, times on every page and notice, the nightly retention pass
 */
@Validated
@ConfigurationProperties("onestop.city")
public record CityProperties(@DefaultValue("the city") @NotBlank String name,
                             @DefaultValue("America/Toronto") @NotNull ZoneId timeZone) {
}
