package org.onestop.cases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The nearby-duplicate check ({@code onestop.duplicates.*}).
 *
 * @param radiusMetres how far from the new case's point open cases of the same service are offered as "already
 *                     reported", in metres (more than 0, at most 5000)
 */
@Validated
@ConfigurationProperties("onestop.duplicates")
public record DuplicateProperties(@DefaultValue("50") @DecimalMin(value = "0", inclusive = false) @DecimalMax("5000") double radiusMetres) {
}
