package org.onestop.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.ServiceRequest;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.departments.Departments;
import org.onestop.standards.PublishedStandards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Writes the open data files: every case of a public service (the access policy's {@code mayShowCase}), a batch of
 * cases at a time in id order, as CSV and as JSON (one request per line, so that a day filter can stream them), to
 * new files that then replace the old ones in one move. The job looks every 10 minutes and writes the files again once
 * they are {@code onestop.open-data.refresh} old (a day by default); the first request on a node without files waits
 * for them.
 * <p>
 * No personal data: no name, e-mail, phone, device or account, and none of the free text (description, notes) Open311
 * shows beside the GeoReport fields; the address and point of the problem are there, as Open311 shows them.
 */
@Service
public class OpenDataExport {

    private static final Logger log = LoggerFactory.getLogger(OpenDataExport.class);
    static final int BATCH = 1000;
    static final String CSV = "requests.csv";
    static final String JSON = "requests.json";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The fields of a record, in order; the README's "Open data" table lists them. */
    static final List<String> FIELDS = List.of("service_request_id", "requested_datetime", "status", "detailed_status",
            "service_code", "service_name", "agency_responsible", "channel", "priority", "address", "lat", "long", "ward",
            "updated_datetime", "expected_datetime", "acknowledge_by", "acknowledged_datetime", "resolved_datetime",
            "closed_datetime", "standard_clock", "resolve_within", "acknowledged_within_standard", "resolved_within_standard");

    /** The files written last: when (Last-Modified, and the ETag's base) and how many requests they hold. */
    record Snapshot(Instant generatedAt, Path csv, Path json, long requests) {

        String etag(String variant) {
            return "\"" + Long.toHexString(generatedAt.toEpochMilli()) + (variant.isEmpty() ? "" : "-" + variant) + "\"";
        }
    }

    private final CaseService cases;
    private final ServiceCatalogue catalogue;
    private final Departments departments;
    private final PublishedStandards standards;
    private final CaseAccessPolicy.PublicFigures rules;
    private final OpenDataProperties settings;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;
    private volatile Snapshot latest;

    OpenDataExport(CaseService cases, ServiceCatalogue catalogue, Departments departments, PublishedStandards standards,
                   CaseAccessPolicy policy, OpenDataProperties settings, CityProperties city, Clock clock) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.departments = departments;
        this.standards = standards;
        this.rules = policy.publicFigures();
        this.settings = settings;
        // Every field in every record, null included (the application's own mapper leaves nulls out).
        this.json = new ObjectMapper();
        this.zone = city.timeZone();
        this.clock = clock;
    }

    /** The files, written first if there are none yet (or, after a restart, those on disk). */
    Snapshot snapshot() {
        Snapshot snapshot = latest;
        if (snapshot != null) {
            return snapshot;
        }
        synchronized (this) {
            if (latest == null) {
                latest = onDisk();
            }
            if (latest == null) {
                latest = write();
            }
            return latest;
        }
    }

    /** The job: writes the files again once they are as old as {@code onestop.open-data.refresh}. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void refreshIfStale() {
        Snapshot snapshot = latest == null ? onDisk() : latest;
        Instant now = clock.instant();
        if (snapshot == null || now.isBefore(snapshot.generatedAt()) || !now.isBefore(snapshot.generatedAt().plus(settings.refresh()))) {
            refresh();
        }
    }

    /** Writes the files now (the job; and tests, which need the cases they just made in them). */
    public synchronized void refresh() {
        latest = write();
    }

    private Snapshot onDisk() {
        Path csv = settings.directory().resolve(CSV);
        Path jsonFile = settings.directory().resolve(JSON);
        try {
            if (Files.isRegularFile(csv) && Files.isRegularFile(jsonFile)) {
                Instant generated = Files.getLastModifiedTime(csv).toInstant();
                return new Snapshot(generated, csv, jsonFile, -1);
            }
        } catch (IOException e) {
            log.warn("Cannot read the open data files in {}: {}", settings.directory(), e.toString());
        }
        return null;
    }

    private Snapshot write() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path directory = settings.directory();
        try {
            Files.createDirectories(directory);
            Path csvPart = Files.createTempFile(directory, "requests", ".csv.part");
            Path jsonPart = Files.createTempFile(directory, "requests", ".json.part");
            long count = 0;
            try (BufferedWriter csv = Files.newBufferedWriter(csvPart, StandardCharsets.UTF_8);
                 BufferedWriter out = Files.newBufferedWriter(jsonPart, StandardCharsets.UTF_8)) {
                csv.write(String.join(",", FIELDS));
                csv.write("\r\n");
                out.write("[\n");
                Map<String, ServiceDefinition> publicServices = catalogue.services().stream()
                        .filter(s -> rules.mayShowCase(s.privateCases()))
                        .collect(Collectors.toMap(ServiceDefinition::code, s -> s, (a, b) -> a));
                Set<String> codes = publicServices.keySet();
                Map<String, String> resolveWithin = new HashMap<>();
                long after = 0;
                while (!codes.isEmpty()) {
                    List<ServiceRequest> batch = cases.batchAfter(after, (root, query, cb) -> cb.and(
                            root.get("serviceCode").in(codes), cb.isNotNull(root.get("reference"))), BATCH);
                    for (ServiceRequest sr : batch) {
                        Map<String, Object> record = record(sr, publicServices.get(sr.getServiceCode()), resolveWithin, now);
                        csv.write(record.values().stream().map(OpenDataExport::cell).collect(Collectors.joining(",")));
                        csv.write("\r\n");
                        out.write(count == 0 ? "" : ",\n");
                        out.write(json.writeValueAsString(record));
                        count++;
                    }
                    if (batch.size() < BATCH) {
                        break;
                    }
                    after = batch.get(batch.size() - 1).getId();
                }
                out.write("\n]\n");
            }
            Files.setLastModifiedTime(csvPart, FileTime.from(now));
            Files.setLastModifiedTime(jsonPart, FileTime.from(now));
            Path csv = directory.resolve(CSV);
            Path jsonFile = directory.resolve(JSON);
            Files.move(jsonPart, jsonFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(csvPart, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Open data written: {} public requests to {}", count, directory.toAbsolutePath());
            return new Snapshot(now, csv, jsonFile, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the open data to " + directory.toAbsolutePath(), e);
        }
    }

    /** One request as the public may see it: the GeoReport fields without free text, the dates and the standard. */
    private Map<String, Object> record(ServiceRequest sr, ServiceDefinition service, Map<String, String> resolveWithin, Instant now) {
        boolean counted = sr.getStatus() != CaseStatus.CANCELLED && sr.getStatus() != CaseStatus.DUPLICATE;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", sr.getReference());
        r.put("requested_datetime", w3c(sr.getCreatedAt()));
        r.put("status", sr.getStatus().open311());
        r.put("detailed_status", sr.getStatus().code());
        r.put("service_code", sr.getServiceCode());
        r.put("service_name", service == null ? sr.getServiceCode() : service.name());
        r.put("agency_responsible", sr.getDepartment() == null ? null : departments.nameOf(sr.getDepartment()));
        r.put("channel", sr.getChannel() == null ? null : sr.getChannel().code());
        r.put("priority", sr.getPriority());
        r.put("address", sr.getAddress());
        r.put("lat", sr.getLatitude());
        r.put("long", sr.getLongitude());
        r.put("ward", sr.getWard());
        r.put("updated_datetime", w3c(sr.getUpdatedAt()));
        r.put("expected_datetime", w3c(sr.getResolveBy()));
        r.put("acknowledge_by", w3c(sr.getAcknowledgeBy()));
        r.put("acknowledged_datetime", w3c(sr.getAcknowledgedAt()));
        r.put("resolved_datetime", w3c(sr.getResolvedAt()));
        r.put("closed_datetime", w3c(sr.getClosedAt()));
        r.put("standard_clock", sr.getStandardClock() == null ? null : sr.getStandardClock().toLowerCase(java.util.Locale.ROOT));
        r.put("resolve_within", service == null || sr.getPriority() == null ? null
                : resolveWithin.computeIfAbsent(service.code() + "|" + sr.getPriority(), k -> published(service, sr.getPriority())));
        r.put("acknowledged_within_standard", counted ? met(sr.getAcknowledgedAt(), sr.getAcknowledgeBy(), true, now) : null);
        r.put("resolved_within_standard", counted ? met(sr.getResolvedAt(), sr.getResolveBy(), sr.getStatus().isOpen(), now) : null);
        return r;
    }

    /** The resolve-within the service's standard publishes now for the priority (ISO 8601), or null. */
    private String published(ServiceDefinition service, String priority) {
        if (service.routingDecision() == null) {
            return null;
        }
        return standards.forService(service.code(), service.routingDecision(), service.standardsDecision()).stream()
                .filter(p -> p.priority().equals(priority)).map(PublishedStandards.Published::resolveWithin).findFirst().orElse(null);
    }

    /** Met: done by the due date; not met: done after it, or still waiting past it; null: not due yet, or no standard. */
    static Boolean met(Instant done, Instant due, boolean waiting, Instant now) {
        if (due == null) {
            return null;
        }
        if (done != null) {
            return !done.isAfter(due);
        }
        return waiting && due.isBefore(now) ? Boolean.FALSE : null;
    }

    private String w3c(Instant instant) {
        return instant == null ? null : W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    /** RFC 4180 quoting on one line (line breaks become spaces), and no cell a spreadsheet would run as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String v = value.toString().replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        if (!v.isEmpty() && value instanceof String && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches(".*[\",].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
