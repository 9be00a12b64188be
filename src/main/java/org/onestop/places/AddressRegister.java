package org.onestop.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onestop.shared.Csv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The city's address points ({@code onestop.addresses.points}, a CSV of civic address, latitude, longitude): there is
 * no internet geocoder, so an address typed at intake is looked up here. The lookup forgives case, punctuation, spacing,
 * a missing or repeated town and spelled-out street types and directions: "120 king street east" and
 * "120 King St. E, Lakeport" are both "120 King St E, Lakeport".
 */
@Component
public class AddressRegister {

    private static final Logger log = LoggerFactory.getLogger(AddressRegister.class);
    public static final int MAX_TYPED = 300;

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"),
            Map.entry("road", "rd"), Map.entry("boulevard", "blvd"), Map.entry("blv", "blvd"), Map.entry("drive", "dr"),
            Map.entry("crescent", "cres"), Map.entry("court", "crt"), Map.entry("ct", "crt"), Map.entry("place", "pl"),
            Map.entry("lane", "ln"), Map.entry("terrace", "terr"), Map.entry("parkway", "pkwy"), Map.entry("highway", "hwy"),
            Map.entry("east", "e"), Map.entry("west", "w"), Map.entry("north", "n"), Map.entry("south", "s"));

    private record Entry(AddressPoint point, String key, String locality) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byKey;
    private final java.util.Set<String> localities;

    AddressRegister(AddressProperties settings) throws IOException {
        Resource points = settings.points();
        this.entries = points == null || !points.exists() ? List.of() : read(points);
        Map<String, Entry> keys = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (keys.putIfAbsent(e.key(), e) != null) {
                log.warn("Address register: '{}' appears twice; the first one counts", e.point().address());
            }
        }
        this.byKey = keys;
        this.localities = entries.stream().map(Entry::locality).collect(java.util.stream.Collectors.toUnmodifiableSet());
        log.info("Address register: {} address points", byKey.size());
    }

    /** The address point the typed address means, if the register has it. */
    public Optional<AddressPoint> find(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        int comma = typed.indexOf(',');
        String street = normalize(comma < 0 ? typed : typed.substring(0, comma));
        String locality = comma < 0 ? "" : normalize(typed.substring(comma + 1));
        Entry entry = byKey.get(street);
        if (entry == null && comma < 0) {
            // "120 King St E Lakeport": the town without its comma.
            for (String town : localities) {
                if (!town.isEmpty() && street.endsWith(" " + town)) {
                    entry = byKey.get(street.substring(0, street.length() - town.length() - 1));
                    locality = town;
                    break;
                }
            }
        }
        if (entry == null) {
            return Optional.empty();
        }
        // "…, Lakeport" or "…, Lakeport ON" is fine; another town is not this address.
        if (!locality.isEmpty() && !entry.locality().isEmpty() && !locality.startsWith(entry.locality())) {
            return Optional.empty();
        }
        return Optional.of(entry.point());
    }

    /** Up to {@code limit} addresses that start with (then contain) what was typed, for suggestions. */
    public List<AddressPoint> suggest(String typed, int limit) {
        String key = typed == null || typed.length() > MAX_TYPED ? "" : normalize(typed.split(",", 2)[0]);
        if (key.isEmpty()) {
            return List.of();
        }
        return entries.stream().filter(e -> e.key().contains(key))
                .sorted(Comparator.comparing((Entry e) -> !e.key().startsWith(key)))
                .limit(limit).map(Entry::point).toList();
    }

    /** Every address point, in the register's order (for the address field's list of suggestions). */
    public List<AddressPoint> all() {
        return byKey.values().stream().map(Entry::point).toList();
    }

    public int size() {
        return byKey.size();
    }

    static String normalize(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (cleaned.isEmpty()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String word : cleaned.split(" ")) {
            words.add(WORDS.getOrDefault(word, word));
        }
        return String.join(" ", words);
    }

    private static List<Entry> read(Resource resource) throws IOException {
        List<Entry> result = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || number == 1 && line.toLowerCase(Locale.ROOT).contains("latitude")) {
                    continue;
                }
                List<String> cells = cells(line);
                if (cells.size() < 3) {
                    throw new IllegalStateException(resource.getDescription() + " line " + number + ": expected address,latitude,longitude");
                }
                String address = cells.get(0).trim();
                double latitude = Double.parseDouble(cells.get(1).trim());
                double longitude = Double.parseDouble(cells.get(2).trim());
                if (address.isEmpty() || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                    throw new IllegalStateException(resource.getDescription() + " line " + number + ": not an address point");
                }
                int comma = address.indexOf(',');
                result.add(new Entry(new AddressPoint(address, latitude, longitude),
                        normalize(comma < 0 ? address : address.substring(0, comma)),
                        comma < 0 ? "" : normalize(address.substring(comma + 1))));
            }
        }
        return List.copyOf(result);
    }

    /** One CSV line's cells ({@link Csv}). */
    static List<String> cells(String line) {
        return Csv.cells(line);
    }
}
