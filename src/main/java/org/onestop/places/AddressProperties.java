package org.onestop.places;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The city's address register ({@code onestop.addresses.*}).
 *
 * @param points a CSV of {@code civic_address,latitude,longitude} (quoted when the address has commas), e.g.
 *               {@code file:/etc/onestop/addresses.csv}
 */
@Validated
@ConfigurationProperties("onestop.addresses")
record AddressProperties(@DefaultValue("classpath:addresses/lakeport-addresses.csv") Resource points) {

    @AssertTrue(message = "points: no such file")
    boolean isPointsReadable() {
        return points == null || points.exists();
    }
}
