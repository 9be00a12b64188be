package org.onestop.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.onestop.cases.CaseEvent;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseTimes;
import org.onestop.cases.Channel;
import org.onestop.cases.NearbyCases;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.city.SiteUrls;
import org.onestop.customers.CustomerDetails;
import org.onestop.departments.Departments;
import org.onestop.places.AddressRegister;
import org.onestop.selfservice.NearbyReports;
import org.onestop.selfservice.Photos;
import org.onestop.selfservice.StatusLinks;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.Languages;
import org.onestop.web.PageTexts;
import org.springframework.context.NoSuchMessageException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GeoReport v2 over OneStop's catalogue and cases: only public services, cases opened through {@link CaseService} as
 * any other (channel {@code app}), and request documents that never carry the requester's name, e-mail, phone or
 * device id. Cases of private services (their model's {@code privacy}) are never listed, and read by id they show only
 * that the request exists, its service, status and dates.
 * <p>
 * A POST near open requests of the same public service (within {@code onestop.duplicates.radius-metres}, as on the
 * residents' report page) names them in its answer, so that an app can ask "is it one of these?"; with
 * {@code duplicate_policy=existing} the reporter is added to the nearest instead and the answer is that request.
 * <p>
 * In French when asked ({@code locale}, Accept-Language): the services' names from their French texts, and status
 * notes worded by what happened ({@code open311.note.<event>}) rather than the timeline's English words; a note
 * staff wrote is shown as written.
 */
@Service
class Open311Service {

    /** The specification's defaults for GET requests: the last 90 days, at most 1000 requests. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    static final int MAX_IDS = 100;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ServiceCatalogue catalogue;
    private final Open311Catalogue services;
    private final CaseService cases;
    private final Open311Requests open311Requests;
    private final Departments departments;
    private final NearbyReports nearby;
    private final AddressRegister addresses;
    private final Photos photos;
    private final StatusLinks links;
    private final String publicUrl;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;
    private final PageTexts texts;

    Open311Service(ServiceCatalogue catalogue, Open311Catalogue services, CaseService cases, Open311Requests open311Requests,
                   Departments departments, NearbyReports nearby, AddressRegister addresses, Photos photos, StatusLinks links,
                   Validator validator, Clock clock, CityProperties city, SiteUrls urls, PageTexts texts) {
        this.texts = texts;
        this.catalogue = catalogue;
        this.services = services;
        this.cases = cases;
        this.open311Requests = open311Requests;
        this.departments = departments;
        this.nearby = nearby;
        this.addresses = addresses;
        this.photos = photos;
        this.links = links;
        this.publicUrl = urls.publicUrl();
        this.validator = validator;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    // ---------------------------------------------------------------- POST requests

    /**
     * A request as an app posts it, parameters already read and length-checked; {@code joinExisting} when the app asked
     * for {@code duplicate_policy=existing}.
     */
    record Submission(String serviceCode, Double lat, Double lon, String addressString, String addressId, String email,
                      String deviceId, String accountId, String firstName, String lastName, String phone,
                      String description, String mediaUrl, Map<String, Object> attributes, boolean joinExisting) {
    }

    /**
     * The request answered: the new one, or ({@code existing}) the open one the reporter was added to; {@code nearby}
     * the open requests of the same public service near the location before this POST, nearest first, as the public
     * may see them (empty when there are none).
     */
    record Submitted(ServiceRequest request, String serviceNotice, String accountId, boolean existing,
                     List<Map<String, Object>> nearby) {
    }

    @Transactional
    Submitted submit(Submission s, ApiKey key, Locale locale) {
        ServiceDefinition service = services.service(s.serviceCode());
        List<String> errors = new ArrayList<>();
        boolean hasPoint = s.lat() != null && s.lon() != null;
        // The specification asks every request for a location; the few services that are not about a place
        // (compliments, complaints, general inquiries) say so in their model and take requests without one.
        if (service.locationRequired() && !hasPoint && s.addressString() == null && s.addressId() == null) {
            errors.add("a location is required: lat and long, address_string or address_id");
        }
        CustomerDetails customer = null;
        if (s.firstName() != null || s.lastName() != null || s.email() != null || s.phone() != null) {
            String name = ((s.firstName() == null ? "" : s.firstName()) + " " + (s.lastName() == null ? "" : s.lastName())).strip();
            if (name.isEmpty()) {
                name = s.email() != null ? s.email() : s.phone();
            }
            customer = new CustomerDetails(name, s.phone(), s.email(), null, null);
        }
        String address = s.addressString() != null ? s.addressString()
                : s.addressId() != null ? "Address id " + s.addressId() : null;
        NewCase newCase = new NewCase(service.code(), Channel.APP, s.description(), null, customer, address,
                s.lat(), s.lon(), null, s.attributes());
        for (ConstraintViolation<NewCase> violation : validator.validate(newCase)) {
            errors.add(parameter(violation.getPropertyPath().toString()) + " " + violation.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        // Looked up before the new case is written, so that it never names itself.
        List<NearbyCases.Nearby> near = near(service, s);
        List<Map<String, Object>> nearbyDocs = near.stream().map(this::nearbyDocument).toList();
        if (s.joinExisting() && !near.isEmpty()) {
            // The same answers a new request would need: a client mistake is a 400 whichever way the POST goes.
            AnswerValidator.Result answers = AnswerValidator.validate(service.questions(), s.attributes());
            if (!answers.valid()) {
                throw new Open311Exception(400, answers.errors().entrySet().stream()
                        .map(x -> parameter("answers." + x.getKey()) + " " + x.getValue()).toList());
            }
            ServiceRequest existing = near.get(0).request();
            // False only if it closed since the look-up: then the report is a new request after all.
            if (nearby.follow(existing.getReference(), customer, Channel.APP, actor(key))) {
                return new Submitted(existing, joinedNotice(existing, locale), s.accountId(), true, nearbyDocs);
            }
        }
        ServiceRequest sr;
        try {
            sr = cases.open(newCase, actor(key));
        } catch (InvalidRequestException e) {
            throw new Open311Exception(400, e.fieldErrors().entrySet().stream()
                    .map(x -> parameter(x.getKey()) + " " + x.getValue()).toList());
        }
        open311Requests.save(new Open311Request(sr.getId(), key.getId(), s.mediaUrl(), s.addressId(), s.deviceId(), s.accountId()));
        return new Submitted(sr, serviceNotice(sr, locale), s.accountId(), false, nearbyDocs);
    }

    /** The open requests of the public service near the posted point, or near the address when the register knows it. */
    private List<NearbyCases.Nearby> near(ServiceDefinition service, Submission s) {
        if (s.lat() != null && s.lon() != null) {
            return nearby.openNear(service, s.lat(), s.lon());
        }
        if (s.lat() == null && s.lon() == null && s.addressString() != null) {
            return addresses.find(s.addressString())
                    .map(p -> nearby.openNear(service, p.latitude(), p.longitude())).orElse(List.of());
        }
        return List.of();
    }

    /** A nearby request in a POST's answer: what GET requests shows of it anyway, and how far it is; nothing personal. */
    private Map<String, Object> nearbyDocument(NearbyCases.Nearby n) {
        ServiceRequest sr = n.request();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service_request_id", sr.getReference());
        doc.put("status", sr.getStatus().open311());
        doc.put("detailed_status", sr.getStatus().code());
        doc.put("distance_metres", n.roundedMetres());
        doc.put("requested_datetime", w3c(sr.getCreatedAt()));
        doc.put("expected_datetime", w3c(sr.getResolveBy()));
        return doc;
    }

    private String joinedNotice(ServiceRequest sr, Locale locale) {
        String joined = texts.in(locale, "open311.joined", sr.getReference());
        return sr.getResolveBy() == null ? joined : joined + " " + serviceNotice(sr, locale);
    }

    private static String actor(ApiKey key) {
        String actor = "open311:" + key.getAppName();
        return actor.length() > 64 ? actor.substring(0, 64) : actor;
    }

    /** The Open311 parameter behind one of {@link NewCase}'s fields, for error descriptions. */
    static String parameter(String field) {
        if (field.startsWith("answers.")) {
            return "attribute[" + field.substring("answers.".length()) + "]";
        }
        return switch (field) {
            case "serviceCode" -> "service_code";
            case "address" -> "address_string";
            case "latitude" -> "lat";
            case "longitude" -> "long";
            case "customer.name" -> "first_name and last_name";
            case "customer.email" -> "email";
            case "customer.phone" -> "phone";
            case "answers" -> "attribute";
            default -> field;
        };
    }

    private String serviceNotice(ServiceRequest sr, Locale locale) {
        if (sr.getResolveBy() == null) {
            return null;
        }
        String date = french(locale)
                ? DateTimeFormatter.ofPattern(texts.in(locale, "open311.notice.date"), locale).format(sr.getResolveBy().atZone(zone))
                : CaseTimes.format(sr.getResolveBy(), zone);
        return texts.in(locale, "open311.notice", date);
    }

    private static boolean french(Locale locale) {
        return Languages.FRENCH.getLanguage().equals(locale.getLanguage());
    }

    /**
     * A public timeline entry as a status note: in English the timeline's own words; in French a sentence for what
     * happened (received, routed, resolved…), or the note as staff wrote it.
     */
    private String statusNote(CaseEvent e, String serviceName, Locale locale) {
        if (!french(locale) || e.getType() == org.onestop.cases.CaseEventType.NOTE) {
            return e.getMessage();
        }
        String status = e.getStatus() == null ? "" : texts.in(locale, "case.status." + e.getStatus().name().toLowerCase(Locale.ROOT));
        try {
            return texts.in(locale, "open311.note." + e.getType().code(), e.getType() == org.onestop.cases.CaseEventType.SUBMITTED
                    ? serviceName : status);
        } catch (NoSuchMessageException unknown) {
            return e.getMessage();
        }
    }

    // ---------------------------------------------------------------- GET requests

    /** GET requests, with the common extensions (page, page_size, updated_after, updated_before). */
    record Query(List<String> ids, List<String> serviceCodes, Instant start, Instant end, List<Boolean> open,
                 Instant updatedAfter, Instant updatedBefore, int page, int pageSize) {
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> search(Query q, boolean extensions, Locale locale) {
        // Filtered in the query, so that pages and their sizes only ever count public cases.
        Set<String> publicCodes = services.services().stream().filter(s -> !s.privateCases()).map(ServiceDefinition::code)
                .collect(Collectors.toSet());
        Specification<ServiceRequest> spec;
        if (!q.ids().isEmpty()) {
            // The specification: with service_request_id, every other filter is ignored.
            List<String> ids = q.ids().stream().map(id -> id.toUpperCase(java.util.Locale.ROOT)).toList();
            if (publicCodes.isEmpty()) {
                return List.of();
            }
            spec = (root, query, cb) -> cb.and(root.get("reference").in(ids), root.get("serviceCode").in(publicCodes));
        } else {
            List<String> codes = q.serviceCodes().isEmpty() ? List.copyOf(publicCodes)
                    : q.serviceCodes().stream().filter(publicCodes::contains).toList();
            if (codes.isEmpty()) {
                return List.of();
            }
            Instant start = q.start();
            Instant end = q.end();
            if (start == null && end == null && q.updatedAfter() == null && q.updatedBefore() == null) {
                start = clock.instant().minus(DEFAULT_SPAN);
            } else if (start == null && end != null) {
                start = end.minus(DEFAULT_SPAN);
            }
            Instant from = start;
            Instant to = end;
            List<CaseStatus> statuses = q.open().isEmpty() ? List.of() : Arrays.stream(CaseStatus.values())
                    .filter(s -> q.open().contains(s.isOpen())).toList();
            spec = (root, query, cb) -> {
                List<Predicate> where = new ArrayList<>();
                where.add(root.get("serviceCode").in(codes));
                where.add(cb.isNotNull(root.get("reference")));
                if (from != null) {
                    where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
                }
                if (to != null) {
                    where.add(cb.lessThanOrEqualTo(root.get("createdAt"), to));
                }
                if (!statuses.isEmpty()) {
                    where.add(root.get("status").in(statuses));
                }
                if (q.updatedAfter() != null) {
                    where.add(cb.greaterThan(root.get("updatedAt"), q.updatedAfter()));
                }
                if (q.updatedBefore() != null) {
                    where.add(cb.lessThan(root.get("updatedAt"), q.updatedBefore()));
                }
                return cb.and(where.toArray(Predicate[]::new));
            };
        }
        List<ServiceRequest> page = cases.matching(spec, PageRequest.of(q.page() - 1, q.pageSize(),
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id")))).getContent();
        return documents(page, extensions, locale);
    }

    @Transactional(readOnly = true)
    Map<String, Object> one(String reference, boolean extensions, Locale locale) {
        ServiceRequest sr = cases.find(reference).orElse(null);
        ServiceDefinition service = sr == null ? null
                : services.services().stream().filter(s -> s.code().equals(sr.getServiceCode())).findFirst().orElse(null);
        if (service == null) {
            throw Open311Exception.notFound("service_request_id '" + Format.clip(reference) + "' not found");
        }
        return service.privateCases() ? privateDocument(sr, service.in(locale).name())
                : documents(List.of(sr), extensions, locale).get(0);
    }

    /**
     * A private case by its id: that it exists, its service, status and dates; nothing about what or where it is, nor
     * its timeline, whatever extensions are asked for.
     */
    private Map<String, Object> privateDocument(ServiceRequest sr, String serviceName) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service_request_id", sr.getReference());
        doc.put("status", sr.getStatus().open311());
        doc.put("service_name", serviceName);
        doc.put("service_code", sr.getServiceCode());
        doc.put("requested_datetime", w3c(sr.getCreatedAt()));
        doc.put("expected_datetime", w3c(sr.getResolveBy()));
        return doc;
    }

    private List<Map<String, Object>> documents(List<ServiceRequest> page, boolean extensions, Locale locale) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(ServiceRequest::getId).toList();
        Map<Long, Open311Request> extras = open311Requests.findAllById(ids).stream()
                .collect(Collectors.toMap(Open311Request::getCaseId, Function.identity()));
        Map<Long, List<CaseEvent>> timelines = cases.combinedPublicTimelines(ids, catalogue::isPrivate);
        Map<Long, Long> firstPhotos = photos.firstPhotoIds(ids);
        Map<String, String> names = catalogue.services().stream()
                .collect(Collectors.toMap(ServiceDefinition::code, s -> s.in(locale).name(), (a, b) -> a));
        return page.stream().map(sr -> document(sr, extras.get(sr.getId()),
                firstPhotos.containsKey(sr.getId()) ? links.photoPath(sr.getReference(), firstPhotos.get(sr.getId())) : null,
                timelines.getOrDefault(sr.getId(), List.of()), names.getOrDefault(sr.getServiceCode(), sr.getServiceCode()),
                extensions, locale)).toList();
    }

    /** One request of a public service as the public may see it: no name, e-mail, phone or device id. */
    private Map<String, Object> document(ServiceRequest sr, Open311Request extra, String photoPath, List<CaseEvent> publicTimeline,
                                         String serviceName, boolean extensions, Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service_request_id", sr.getReference());
        doc.put("status", sr.getStatus().open311());
        doc.put("status_notes", publicTimeline.isEmpty() ? null
                : statusNote(publicTimeline.get(publicTimeline.size() - 1), serviceName, locale));
        doc.put("service_name", serviceName);
        doc.put("service_code", sr.getServiceCode());
        doc.put("description", sr.getDescription());
        doc.put("agency_responsible", sr.getDepartment() == null ? null : departments.nameOf(sr.getDepartment(), locale));
        doc.put("service_notice", serviceNotice(sr, locale));
        doc.put("requested_datetime", w3c(sr.getCreatedAt()));
        doc.put("updated_datetime", w3c(sr.getUpdatedAt()));
        doc.put("expected_datetime", w3c(sr.getResolveBy()));
        doc.put("address", sr.getAddress());
        doc.put("address_id", extra == null ? null : extra.getAddressId());
        doc.put("zipcode", null);
        doc.put("lat", sr.getLatitude());
        doc.put("long", sr.getLongitude());
        // The app's own media URL, else the first photo a resident attached on the report page.
        doc.put("media_url", extra != null && extra.getMediaUrl() != null ? extra.getMediaUrl()
                : photoPath == null ? null : publicUrl + photoPath);
        if (extensions) {
            Map<String, Object> extended = new LinkedHashMap<>();
            extended.put("detailed_status", sr.getStatus().code());
            extended.put("status_notes_history", publicTimeline.stream().map(e -> {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("datetime", w3c(e.getOccurredAt()));
                note.put("status", e.getStatus() == null ? null : e.getStatus().open311());
                note.put("detailed_status", e.getStatus() == null ? null : e.getStatus().code());
                note.put("status_notes", statusNote(e, serviceName, locale));
                return note;
            }).toList());
            doc.put("extended_attributes", extended);
        }
        return doc;
    }

    String w3c(Instant instant) {
        return instant == null ? null : W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }
}
