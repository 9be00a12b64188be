package org.onestop.cases;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The city's wards, from a GeoJSON file of ward boundaries ({@code onestop.wards.boundaries}): which ward a point is in.
 * Each feature needs a {@code ward} (or {@code name}) property and a Polygon or MultiPolygon geometry.
 */
@Component
public class Wards {

    private record Ward(String name, List<double[][]> rings) {
    }

    private final List<Ward> wards;

    Wards(@Value("${onestop.wards.boundaries:}") Resource boundaries, ObjectMapper json) throws IOException {
        this.wards = boundaries == null || !boundaries.exists() ? List.of() : read(boundaries, json);
    }

    public Optional<String> wardAt(double latitude, double longitude) {
        for (Ward ward : wards) {
            int inside = 0;
            for (double[][] ring : ward.rings()) {
                if (contains(ring, longitude, latitude)) {
                    inside++;
                }
            }
            // Outer ring in, holes out: an odd count means inside.
            if (inside % 2 == 1) {
                return Optional.of(ward.name());
            }
        }
        return Optional.empty();
    }

    public List<String> names() {
        return wards.stream().map(Ward::name).toList();
    }

    private static List<Ward> read(Resource resource, ObjectMapper json) throws IOException {
        List<Ward> result = new ArrayList<>();
        try (InputStream in = resource.getInputStream()) {
            for (JsonNode feature : json.readTree(in).path("features")) {
                JsonNode props = feature.path("properties");
                String name = props.hasNonNull("ward") ? props.get("ward").asText() : props.path("name").asText(null);
                JsonNode geometry = feature.path("geometry");
                List<double[][]> rings = new ArrayList<>();
                if ("Polygon".equals(geometry.path("type").asText())) {
                    geometry.path("coordinates").forEach(ring -> rings.add(ring(ring)));
                } else if ("MultiPolygon".equals(geometry.path("type").asText())) {
                    geometry.path("coordinates").forEach(polygon -> polygon.forEach(ring -> rings.add(ring(ring))));
                }
                if (name != null && !rings.isEmpty()) {
                    result.add(new Ward(name, rings));
                }
            }
        }
        return List.copyOf(result);
    }

    private static double[][] ring(JsonNode coordinates) {
        double[][] ring = new double[coordinates.size()][];
        for (int i = 0; i < coordinates.size(); i++) {
            ring[i] = new double[] {coordinates.get(i).get(0).asDouble(), coordinates.get(i).get(1).asDouble()};
        }
        return ring;
    }

    /** Ray casting; x is longitude, y latitude. */
    private static boolean contains(double[][] ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
