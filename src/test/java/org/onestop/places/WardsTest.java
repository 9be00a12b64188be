package org.onestop.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** Which ward a point is in, from the city's GeoJSON ward boundaries. */
class WardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A square ward with a square hole, a ward of two squares, a ward named by "name", and two features that are no ward. */
    static final String BOUNDARIES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"ward": "Ward 1 - Donut"},
               "geometry": {"type": "Polygon", "coordinates": [
                 [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                 [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]}},
              {"type": "Feature", "properties": {"ward": "Ward 2 - Islands", "name": "ignored"},
               "geometry": {"type": "MultiPolygon", "coordinates": [
                 [[[20, 0], [22, 0], [22, 2], [20, 2], [20, 0]]],
                 [[[30, 0], [32, 0], [32, 2], [30, 2], [30, 0]]]]}},
              {"type": "Feature", "properties": {"name": "Ward 3 - Named"},
               "geometry": {"type": "Polygon", "coordinates": [[[0, 20], [10, 20], [10, 30], [0, 30], [0, 20]]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[50, 50], [60, 50], [60, 60], [50, 50]]]}},
              {"type": "Feature", "properties": {"ward": "A point"}, "geometry": {"type": "Point", "coordinates": [1, 1]}}
            ]}
            """;

    static Wards wards(String geoJson) throws Exception {
        return new Wards(new WardProperties(new ByteArrayResource(geoJson.getBytes(StandardCharsets.UTF_8))), JSON);
    }

    @Test
    void readsEveryFeatureWithANameAndAnArea() throws Exception {
        assertThat(wards(BOUNDARIES).names()).containsExactly("Ward 1 - Donut", "Ward 2 - Islands", "Ward 3 - Named");
    }

    @Test
    void aPointIsInTheWardWhoseBoundaryHoldsIt() throws Exception {
        Wards wards = wards(BOUNDARIES);
        // x is longitude, y latitude.
        assertThat(wards.wardAt(1, 1)).contains("Ward 1 - Donut");
        assertThat(wards.wardAt(9, 5)).contains("Ward 1 - Donut");
        assertThat(wards.wardAt(5, 5)).as("in the hole").isEmpty();
        assertThat(wards.wardAt(1, 21)).contains("Ward 2 - Islands");
        assertThat(wards.wardAt(1, 31)).contains("Ward 2 - Islands");
        assertThat(wards.wardAt(1, 26)).as("between the islands").isEmpty();
        assertThat(wards.wardAt(25, 5)).contains("Ward 3 - Named");
        assertThat(wards.wardAt(55, 58)).as("a feature without a name").isEmpty();
        assertThat(wards.wardAt(-1, -1)).isEmpty();
    }

    @Test
    void noBoundaryFileMeansNoWards() throws Exception {
        Wards none = new Wards(new WardProperties(new ClassPathResource("wards/no-such-file.geojson")), JSON);
        assertThat(none.names()).isEmpty();
        assertThat(none.wardAt(43.26, -79.87)).isEmpty();
        assertThat(new Wards(new WardProperties(null), JSON).names()).isEmpty();
    }

    @Test
    void lakeportHasFourWards() throws Exception {
        Wards lakeport = new Wards(new WardProperties(new ClassPathResource("wards/lakeport-wards.geojson")), JSON);
        assertThat(lakeport.names()).hasSize(4);
        // 120 King St E, the demo pothole.
        assertThat(lakeport.wardAt(43.2561, -79.8690)).contains("Ward 1 - Harbourfront");
        assertThat(lakeport.wardAt(43.22, -79.80)).contains("Ward 4 - Meadowvale");
        assertThat(lakeport.wardAt(43.5, -79.8)).isEmpty();
    }
}
