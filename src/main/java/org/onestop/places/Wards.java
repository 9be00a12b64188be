package org.onestop.places;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The city's wards, from a GeoJSON file of ward boundaries ({@code onestop.wards.boundaries}): which ward a point is in,
 * and each ward's boundary for whoever draws them. The one place that reads that file.
 * Each feature needs a {@code ward} (or {@code name}) property and a Polygon or MultiPolygon geometry; others are skipped.
 */
@Component
public class Wards {

    /** A point of a boundary, in the GeoJSON order: longitude, then latitude. */
    public record Position(double longitude, double latitude) {
    }

    /**
     * A ward and its boundary: every ring of its polygons, outer rings and holes alike, each closed (its last position is
     * its first), as the file has them.
     */
    public record Ward(String name, List<List<Position>> rings) {

        public Ward {
            rings = rings.stream().map(List::copyOf).toList();
        }

        /** Outer ring in, holes out: a point inside an odd number of rings is in the ward. */
        public boolean contains(double latitude, double longitude) {
            int inside = 0;
            for (List<Position> ring : rings) {
                if (contains(ring, longitude, latitude)) {
                    inside++;
                }
            }
            return inside % 2 == 1;
        }

        /** Ray casting; x is longitude, y latitude. */
        private static boolean contains(List<Position> ring, double x, double y) {
            boolean inside = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double xi = ring.get(i).longitude(), yi = ring.get(i).latitude();
                double xj = ring.get(j).longitude(), yj = ring.get(j).latitude();
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    private final List<Ward> wards;

    public Wards(WardProperties settings, ObjectMapper json) throws IOException {
        Resource boundaries = settings.boundaries();
        this.wards = boundaries == null || !boundaries.exists() ? List.of() : read(boundaries, json);
    }

    /** The first ward, in the file's order, whose boundary holds the point. */
    public Optional<String> wardAt(double latitude, double longitude) {
        return wards.stream().filter(ward -> ward.contains(latitude, longitude)).map(Ward::name).findFirst();
    }

    public List<String> names() {
        return wards.stream().map(Ward::name).toList();
    }

    /** Every ward with its boundary, in the file's order. */
    public List<Ward> all() {
        return wards;
    }

    private static List<Ward> read(Resource resource, ObjectMapper json) throws IOException {
        List<Ward> result = new ArrayList<>();
        try (InputStream in = resource.getInputStream()) {
            for (JsonNode feature : json.readTree(in).path("features")) {
                JsonNode props = feature.path("properties");
                String name = props.hasNonNull("ward") ? props.get("ward").asText() : props.path("name").asText(null);
                JsonNode geometry = feature.path("geometry");
                List<List<Position>> rings = new ArrayList<>();
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

    private static List<Position> ring(JsonNode coordinates) {
        List<Position> ring = new ArrayList<>(coordinates.size());
        for (JsonNode position : coordinates) {
            ring.add(new Position(position.get(0).asDouble(), position.get(1).asDouble()));
        }
        return ring;
    }
}
