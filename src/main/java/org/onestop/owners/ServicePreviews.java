package org.onestop.owners;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onestop.cases.Channel;
import org.onestop.cases.RoutingPreview;
import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.places.Wards;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The preview's input as an owner gives it (API or page), checked as intake checks a request, then handed to the cases
 * feature's {@link RoutingPreview}. Nothing is stored.
 */
@Service
class ServicePreviews {

    /**
     * Sample answers to the service's questions, the ward (or a point in the city: its ward), the channel and when the
     * request would come in (ISO 8601 with an offset, or a local date and time in the city's zone; empty: now).
     */
    record PreviewRequest(Map<String, Object> answers, String ward, Double latitude, Double longitude, String channel,
                          String receivedAt) {
    }

    /** The input as understood (ward found from the point, time resolved) and what the live models decide. */
    record Preview(String serviceCode, String channel, String ward, Instant receivedAt, RoutingPreview.Result result) {
    }

    private final ServiceCatalogue catalogue;
    private final RoutingPreview preview;
    private final Wards wards;
    private final Clock clock;
    private final ZoneId zone;

    ServicePreviews(ServiceCatalogue catalogue, RoutingPreview preview, Wards wards, Clock clock, CityProperties city) {
        this.catalogue = catalogue;
        this.preview = preview;
        this.wards = wards;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    ServiceDefinition service(String code) {
        return catalogue.find(code).orElseThrow(() -> new NotFoundException("no service '" + code + "'"));
    }

    Preview preview(String code, PreviewRequest request) {
        ServiceDefinition service = service(code);
        Map<String, String> errors = new LinkedHashMap<>();
        Channel channel = null;
        if (request.channel() == null || request.channel().isBlank()) {
            errors.put("channel", "is required");
        } else {
            try {
                channel = Channel.fromCode(request.channel());
            } catch (IllegalArgumentException e) {
                errors.put("channel", e.getMessage());
            }
        }
        Instant received = received(request.receivedAt(), errors);
        String ward = ward(request, errors);
        if (!errors.isEmpty()) {
            AnswerValidator.validate(service.questions(), request.answers() == null ? Map.of() : request.answers()).errors()
                    .forEach((field, message) -> errors.put("answers." + field, message));
            throw new InvalidRequestException(errors);
        }
        return new Preview(service.code(), channel.code(), ward, received,
                preview.preview(service, request.answers(), channel, ward, received));
    }

    private Instant received(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text.trim()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("receivedAt", "must be a date and time such as 2026-11-24T10:00 (the city's time) or 2026-11-24T10:00:00-05:00");
                return null;
            }
        }
    }

    /** The ward given, or the ward of the point given; none if neither (as intake, the tables then see no ward). */
    private String ward(PreviewRequest request, Map<String, String> errors) {
        if (request.ward() != null && !request.ward().isBlank()) {
            String ward = request.ward().trim();
            if (!wards.names().contains(ward)) {
                errors.put("ward", "is not one of the city's wards: " + String.join(", ", wards.names()));
            }
            return ward;
        }
        Double latitude = request.latitude();
        Double longitude = request.longitude();
        if (latitude == null && longitude == null) {
            return null;
        }
        if (latitude == null || longitude == null) {
            errors.put(latitude == null ? "latitude" : "longitude", "is required with " + (latitude == null ? "longitude" : "latitude"));
            return null;
        }
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            errors.put("latitude", "latitude must be between -90 and 90 and longitude between -180 and 180");
            return null;
        }
        return wards.wardAt(latitude, longitude).orElse(null);
    }
}
