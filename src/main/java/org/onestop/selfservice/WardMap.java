package org.onestop.selfservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.places.WardProperties;
import org.springframework.core.io.Resource;
import org.onestop.places.Wards;
import org.springframework.stereotype.Component;

/**
 * The city's wards drawn as an inline SVG map for the report page (there are no internet map tiles): the same
 * {@link Wards} boundaries that decide a case's ward, projected so that one unit of the SVG is the same distance
 * east–west as north–south at the city's latitude. A click on the map becomes a latitude and longitude
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

    WardMap(Wards wards) {
        List<Wards.Ward> boundaries = wards.all();
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (Wards.Ward ward : boundaries) {
            for (List<Wards.Position> ring : ward.rings()) {
                for (Wards.Position p : ring) {
                    minLon = Math.min(minLon, p.longitude());
                    maxLon = Math.max(maxLon, p.longitude());
                    minLat = Math.min(minLat, p.latitude());
                    maxLat = Math.max(maxLat, p.latitude());
                }
            }
        }
        if (boundaries.isEmpty()) {
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
        for (Wards.Ward ward : boundaries) {
            StringBuilder path = new StringBuilder();
            double sumX = 0, sumY = 0;
            int count = 0;
            for (List<Wards.Position> ring : ward.rings()) {
                for (int j = 0; j < ring.size(); j++) {
                    double x = x(ring.get(j).longitude()), y = y(ring.get(j).latitude());
                    path.append(j == 0 ? "M" : "L").append(fmt(x)).append(' ').append(fmt(y)).append(' ');
                    if (j < ring.size() - 1 || ring.size() == 1) {
                        sumX += x;
                        sumY += y;
                        count++;
                    }
                }
                path.append("Z ");
            }
            result.add(new Area(ward.name(), path.toString().trim(), sumX / count, sumY / count));
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

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
