package org.onestop.open311;

import java.time.OffsetDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Open311 settings ({@code onestop.open311.*}).
 *
 * @param jurisdictionId the one jurisdiction this endpoint serves; a request naming another gets 404
 * @param contact who app developers write to (discovery's {@code contact})
 * @param keyService how to get an API key (discovery's {@code key_service})
 * @param changeset when the service list or the endpoint last changed (discovery's {@code changeset})
 * @param type {@code production} or {@code test}
 * @param maxBodyBytes the largest form body a POST may send
 */
@ConfigurationProperties("onestop.open311")
public record Open311Properties(String jurisdictionId, String contact, String keyService, OffsetDateTime changeset,
                                String type, Long maxBodyBytes) {

    public Open311Properties {
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? "lakeport.example" : jurisdictionId.strip();
        contact = contact == null ? "" : contact;
        keyService = keyService == null ? "" : keyService;
        changeset = changeset == null ? OffsetDateTime.parse("2026-11-01T00:00:00-04:00") : changeset;
        type = type == null || type.isBlank() ? "production" : type;
        maxBodyBytes = maxBodyBytes == null ? 65_536L : maxBodyBytes;
    }
}
