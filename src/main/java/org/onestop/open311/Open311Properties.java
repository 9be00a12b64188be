package org.onestop.open311;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("onestop.open311")
public record Open311Properties(@Pattern(regexp = "\\S{1,100}", message = "must be one word of at most 100 characters, such as lakeport.example") String jurisdictionId,
                                String contact, String keyService, OffsetDateTime changeset,
                                @Pattern(regexp = "production|test", message = "must be production or test") String type,
                                @Positive Long maxBodyBytes) {

    public Open311Properties {
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? "lakeport.example" : jurisdictionId.strip();
        contact = contact == null ? "" : contact;
        keyService = keyService == null ? "" : keyService;
        changeset = changeset == null ? OffsetDateTime.parse("2026-11-01T00:00:00-04:00") : changeset;
        type = type == null || type.isBlank() ? "production" : type;
        maxBodyBytes = maxBodyBytes == null ? 65_536L : maxBodyBytes;
    }
}
