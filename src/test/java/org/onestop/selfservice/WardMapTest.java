package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onestop.places.WardProperties;
import org.onestop.places.Wards;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The wards drawn as an SVG map: one unit as far east–west as north–south, and a click that becomes coordinates. */
class WardMapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two wards side by side at latitude 60, where a degree of longitude is half a degree of latitude on the ground. */
    private static final String TWO_WARDS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"ward": "West"},
               "geometry": {"type": "Polygon", "coordinates": [[[0, 59], [1, 59], [1, 61], [0, 61], [0, 59]]]}},
              {"type": "Feature", "properties": {"ward": "East"},
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[1, 59], [2, 59], [2, 61], [1, 61], [1, 59]]]]}}
            ]}
            """;

    static WardMap map(String geoJson) throws Exception {
        return new WardMap(new Wards(new WardProperties(new ByteArrayResource(geoJson.getBytes(StandardCharsets.UTF_8))), JSON));
    }

    @Test
    void drawsEachWardAsAPathLabelledAtItsMiddle() throws Exception {
        WardMap map = map(TWO_WARDS);
        assertThat(map.available()).isTrue();
        assertThat(map.areas()).extracting(WardMap.Area::name).containsExactly("West", "East");
        WardMap.Area west = map.areas().get(0);
        assertThat(west.path()).startsWith("M0.0 ").contains(" L300.0 ").endsWith(" Z");
        assertThat(west.labelX()).isCloseTo(150, within(0.01));
        assertThat(map.areas().get(1).labelX()).isCloseTo(450, within(0.01));
    }

    @Test
    void oneUnitIsTheSameDistanceEastWestAsNorthSouth() throws Exception {
        WardMap map = map(TWO_WARDS);
        assertThat(map.unitsPerDegreeLon()).isCloseTo(300, within(1e-9));
        // At latitude 60 a degree of longitude is half as long as a degree of latitude.
        assertThat(map.unitsPerDegreeLat()).isCloseTo(600, within(1e-6));
        assertThat(map.viewBox()).isEqualTo("0 0 600.0 1200.0");
        assertThat(map.west()).isEqualTo(0);
        assertThat(map.north()).isEqualTo(61);
        assertThat(map.x(1.5)).isCloseTo(450, within(1e-9));
        assertThat(map.y(60)).isCloseTo(600, within(1e-6));
        assertThat(map.view().areas()).isEqualTo(map.areas());
    }

    @Test
    void noBoundariesNoMap() throws Exception {
        WardMap none = new WardMap(new Wards(new WardProperties(new ClassPathResource("wards/no-such-file.geojson")), JSON));
        assertThat(none.available()).isFalse();
        assertThat(none.areas()).isEmpty();
    }

    @Test
    void lakeportIsDrawnInFourWards() throws Exception {
        WardMap lakeport = new WardMap(new Wards(new WardProperties(new ClassPathResource("wards/lakeport-wards.geojson")), JSON));
        assertThat(lakeport.areas()).hasSize(4);
        assertThat(lakeport.x(-79.95)).isCloseTo(0, within(1e-9));
        assertThat(lakeport.x(-79.75)).isCloseTo(WardMap.WIDTH, within(1e-9));
        assertThat(lakeport.y(43.3)).isCloseTo(0, within(1e-9));
    }
}
