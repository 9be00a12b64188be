package org.onestop.cases;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.onestop.places.Distances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open cases of one service near a point: what an agent should see before opening what may be a duplicate.
 * A bounding-box query on latitude and longitude (indexed with the service code), then the exact haversine distance.
 */
@Service
public class NearbyCases {

    /** An open case and how far it is from the point asked about. */
    public record Nearby(ServiceRequest request, double metres) {
        public long roundedMetres() {
            return Math.round(metres);
        }
    }

    static final int MAX_RESULTS = 20;

    private final ServiceRequests requests;
    private final double radiusMetres;

    NearbyCases(ServiceRequests requests, DuplicateProperties settings) {
        this.requests = requests;
        this.radiusMetres = settings.radiusMetres();
    }

    public double radiusMetres() {
        return radiusMetres;
    }

    /** The open cases of the service within the configured radius of the point, nearest first (to the metre), then newest. */
    @Transactional(readOnly = true)
    public List<Nearby> openNear(String serviceCode, double latitude, double longitude) {
        Distances.BoundingBox box = Distances.around(latitude, longitude, radiusMetres);
        List<CaseStatus> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
        return requests.findAll((root, query, cb) -> cb.and(
                        cb.equal(root.get("serviceCode"), serviceCode),
                        cb.between(root.<Double>get("latitude"), box.minLatitude(), box.maxLatitude()),
                        cb.between(root.<Double>get("longitude"), box.minLongitude(), box.maxLongitude()),
                        root.get("status").in(open)))
                .stream()
                .map(sr -> new Nearby(sr, Distances.metres(latitude, longitude, sr.getLatitude(), sr.getLongitude())))
                .filter(n -> n.metres() <= radiusMetres)
                .sorted(Comparator.comparingLong((Nearby n) -> Math.round(n.metres()))
                        .thenComparing(n -> n.request().getId(), Comparator.reverseOrder()))
                .limit(MAX_RESULTS)
                .toList();
    }
}
