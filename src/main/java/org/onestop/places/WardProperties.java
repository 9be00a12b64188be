package org.onestop.places;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The city's ward boundaries ({@code onestop.wards.boundaries}); each ward's councillor, under the same prefix, is the
 * notifications' {@code WardCouncillors}.
 *
 * @param boundaries a GeoJSON file of the wards: each feature with a {@code ward} (or {@code name}) property and a
 *                   Polygon or MultiPolygon geometry, e.g. {@code file:/etc/onestop/wards.geojson}; empty for none
 *                   (cases then get no ward from their coordinates, and the report page has no map)
 */
@Validated
@ConfigurationProperties("onestop.wards")
public record WardProperties(Resource boundaries) {

    @AssertTrue(message = "boundaries: no such file")
    boolean isBoundariesReadable() {
        return boundaries == null || boundaries.exists();
    }
}
