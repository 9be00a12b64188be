package org.onestop.places;

/** Distances on the earth's surface, good to a fraction of a metre at a city's scale. */
public final class Distances {

    /** Mean earth radius in metres (IUGG). */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;
    /** Metres per degree of latitude, near enough everywhere. */
    static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_METRES / 180;

    private Distances() {
    }

    /** The great-circle (haversine) distance between two points, in metres. */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * The latitude/longitude box that holds every point within {@code metres} of the given point, for a query an index
     * can answer; the exact distance is then checked with {@link #metres}.
     */
    public static BoundingBox around(double latitude, double longitude, double metres) {
        double dLat = metres / METRES_PER_DEGREE;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(latitude)));
        double dLon = metres / (METRES_PER_DEGREE * cos);
        return new BoundingBox(latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
    }

    public record BoundingBox(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {
    }
}
