package org.onestop.places;

import java.net.URI;
import java.util.Locale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The residents' and the console's map ({@code onestop.map.*}): the city's tile server, if it has one. Without a tile
 * URL the map draws only what OneStop has itself, the wards and the address points, as vector layers: nothing is
 * fetched from anywhere else (which is what the tests and a machine without internet use).
 *
 * @param tileUrl     a tile URL template with {@code {z}}, {@code {x}} and {@code {y}} (and optionally {@code {s}} for
 *                    subdomains), e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}; empty for none. Its
 *                    origin is added to the pages' Content-Security-Policy {@code img-src}
 * @param attribution the credit the tiles' licence asks for, shown in the map's corner (plain text)
 * @param maxZoom     the deepest zoom level the tile server has (1 to 22)
 */
@Validated
@ConfigurationProperties("onestop.map")
public record MapProperties(String tileUrl,
                            @DefaultValue("© OpenStreetMap contributors") String attribution,
                            @DefaultValue("19") @Min(1) @Max(22) int maxZoom) {

    public MapProperties {
        tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl.strip();
    }

    /** Whether a tile server is configured. */
    public boolean hasTiles() {
        return tileUrl != null;
    }

    @AssertTrue(message = "tile-url: an https:// (or http://) URL with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    boolean isTileUrlValid() {
        if (tileUrl == null) {
            return true;
        }
        return tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}") && tileSource() != null
                && tileUrl.chars().noneMatch(c -> c <= ' ' || c == ';' || c == ',' || c == '\'' || c == '"');
    }

    /**
     * The Content-Security-Policy source the tiles come from: scheme, host (a {@code {s}} subdomain becomes
     * {@code *}) and port, e.g. {@code https://tile.openstreetmap.org} or {@code https://*.tile.example.org}; null
     * without a tile URL.
     */
    public String tileSource() {
        if (tileUrl == null) {
            return null;
        }
        try {
            URI uri = URI.create(tileUrl.replace("{s}", "sub").replaceAll("\\{[a-z]+}", "0"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (tileUrl.contains("{s}.")) {
                host = host.replaceFirst("^sub\\.", "*.");
            }
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
