package org.onestop.catalogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service catalogue ({@code onestop.catalogue.*}).
 *
 * @param checkEvery how often each node checks whether the deployed models changed (a deployment on another node,
 *                   a deleted or suspended process): a longer pause is how long such a change may take to show here.
 *                   This node's own changes show at once.
 */
@ConfigurationProperties("onestop.catalogue")
record CatalogueProperties(Duration checkEvery) {

    CatalogueProperties {
        checkEvery = checkEvery == null ? Duration.ofSeconds(2) : checkEvery;
        if (checkEvery.compareTo(Duration.ofMillis(100)) < 0 || checkEvery.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("onestop.catalogue.check-every must be between PT0.1S and PT5M: " + checkEvery);
        }
    }
}
