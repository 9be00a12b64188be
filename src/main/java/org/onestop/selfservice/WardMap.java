package org.onestop.selfservice;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.places.WardProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The city's wards drawn as an inline SVG map for the report page (there are no internet map tiles): the same GeoJSON
 * boundaries ({@code onestop.wards.boundaries}) that decide a case's ward, projected so that one unit of the SVG is the
 * same distance east–west as north–south at the city's latitude. A click on the map becomes a latitude and longitude
 * through {@link #viewBox()} and the {@code data-} attributes the template writes.
 */
@Component
class WardMap {

    /** Width of the drawing in SVG units; the height follows from the city's shape. */
    static final double WIDTH = 600;

    record Area(String name, String path, double labelX, double labelY) {
    }

    /** What the template draws, and what the page's script needs to turn a click into coordinates. */
    record View(String viewBox, List<Area> areas, double west, double north, double unitsPerDegreeLon, double unitsPerDegreeLat) {
    }

    private final List<Area> areas;
    private final double west;
    private final double north;
    private final double unitsPerDegreeLon;
    private final double unitsPerDegreeLat;
    private final double height;

    WardMap(WardProperties settings, ObjectMapper json) throws IOException {
        Resource boundaries = settings.boundaries();
        List<String> names = new ArrayList<>();
        List<List<double[][]>> polygons = new ArrayList<>();
        if (boundaries != null && boundaries.exists()) {
            try (InputStream in = boundaries.getInputStream()) {
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
                        names.add(name);
                        polygons.add(rings);
                    }
                }
            }
        }
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (List<double[][]> rings : polygons) {
            for (double[][] ring : rings) {
                for (double[] p : ring) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                }
            }
        }
        if (polygons.isEmpty()) {
            this.areas = List.of();
            this.west = 0;
            this.north = 0;
            this.unitsPerDegreeLon = 1;
            this.unitsPerDegreeLat = 1;
            this.height = 0;
            return;
        }
        this.west = minLon;
        this.north = maxLat;
        this.unitsPerDegreeLon = WIDTH / (maxLon - minLon);
        this.unitsPerDegreeLat = unitsPerDegreeLon / Math.cos(Math.toRadians((minLat + maxLat) / 2));
        this.height = (maxLat - minLat) * unitsPerDegreeLat;
        List<Area> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            StringBuilder path = new StringBuilder();
            double sumX = 0, sumY = 0;
            int count = 0;
            for (double[][] ring : polygons.get(i)) {
                for (int j = 0; j < ring.length; j++) {
                    double x = x(ring[j][0]), y = y(ring[j][1]);
                    path.append(j == 0 ? "M" : "L").append(fmt(x)).append(' ').append(fmt(y)).append(' ');
                    if (j < ring.length - 1 || ring.length == 1) {
                        sumX += x;
                        sumY += y;
                        count++;
                    }
                }
                path.append("Z ");
            }
            result.add(new Area(names.get(i), path.toString().trim(), sumX / count, sumY / count));
        }
        this.areas = List.copyOf(result);
    }

    boolean available() {
        return !areas.isEmpty();
    }

    List<Area> areas() {
        return areas;
    }

    View view() {
        return new View(viewBox(), areas, west, north, unitsPerDegreeLon, unitsPerDegreeLat);
    }

    String viewBox() {
        return "0 0 " + fmt(WIDTH) + " " + fmt(height);
    }

    /** For the page's script: longitude = west + x / unitsPerDegreeLon, latitude = north - y / unitsPerDegreeLat. */
    double west() { return west; }
    double north() { return north; }
    double unitsPerDegreeLon() { return unitsPerDegreeLon; }
    double unitsPerDegreeLat() { return unitsPerDegreeLat; }

    double x(double longitude) {
        return (longitude - west) * unitsPerDegreeLon;
    }

    double y(double latitude) {
        return (north - latitude) * unitsPerDegreeLat;
    }

    private static double[][] ring(JsonNode coordinates) {
        double[][] ring = new double[coordinates.size()][];
        for (int i = 0; i < coordinates.size(); i++) {
            ring[i] = new double[] {coordinates.get(i).get(0).asDouble(), coordinates.get(i).get(1).asDouble()};
        }
        return ring;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
