package org.onestop.opendata;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.onestop.shared.InvalidRequestException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /open-data/requests.csv} and {@code /open-data/requests.json}: public, no login, streamed from the files
 * {@link OpenDataExport} writes, with Last-Modified (when they were written) and an ETag (the files and the filter),
 * so that a client that has them gets a 304. {@code from} and {@code to} (days, {@code [from, to)}, by the day the
 * request was received in the city's time zone) keep only the requests received in between; a bad day is a 400
 * problem document naming the parameter.
 */
@RestController
@RequestMapping("/open-data")
class OpenDataFiles {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int DAY = "yyyy-mm-dd".length();
    private static final String JSON_DAY = "\"requested_datetime\":\"";

    private final OpenDataExport export;

    OpenDataFiles(OpenDataExport export) {
        this.export = export;
    }

    @GetMapping(value = "/requests.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                              WebRequest request) {
        return answer(from, to, request, false);
    }

    @GetMapping(value = "/requests.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                               WebRequest request) {
        return answer(from, to, request, true);
    }

    private ResponseEntity<StreamingResponseBody> answer(String from, String to, WebRequest request, boolean json) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = day("from", from, errors);
        LocalDate last = day("to", to, errors);
        if (first != null && last != null && !last.isAfter(first)) {
            errors.put("to", "must be after from (the days are [from, to))");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        OpenDataExport.Snapshot snapshot = export.snapshot();
        String etag = snapshot.etag((json ? "json" : "csv") + (first == null ? "" : "-f" + first) + (last == null ? "" : "-t" + last));
        if (request.checkNotModified(etag, snapshot.generatedAt().toEpochMilli())) {
            return null;
        }
        Path file = json ? snapshot.json() : snapshot.csv();
        String name = "requests" + (first == null ? "" : "-from-" + first) + (last == null ? "" : "-to-" + last) + (json ? ".json" : ".csv");
        StreamingResponseBody body = out -> copy(file, out, json, first == null ? null : first.toString(), last == null ? null : last.toString());
        return ResponseEntity.ok()
                .contentType(json ? MediaType.APPLICATION_JSON : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
                .eTag(etag)
                .lastModified(snapshot.generatedAt())
                .body(body);
    }

    /**
     * The file as written, or only the requests received in [from, to): the day is the first ten characters of
     * {@code requested_datetime}, which is written in the city's time zone (the CSV's second column, the JSON's second
     * field), so that the filter reads one line at a time and compares text.
     */
    static void copy(Path file, java.io.OutputStream out, boolean json, String from, String to) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            if (from == null && to == null) {
                in.transferTo(writer);
                return;
            }
            String line = in.readLine();
            boolean first = true;
            if (!json && line != null) {
                writer.write(line);
                writer.write("\r\n");
            }
            while ((line = in.readLine()) != null) {
                String day = json ? jsonDay(line) : csvDay(line);
                if (day == null || (from != null && day.compareTo(from) < 0) || (to != null && day.compareTo(to) >= 0)) {
                    continue;
                }
                if (json) {
                    String record = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
                    writer.write(first ? "[\n" : ",\n");
                    writer.write(record);
                } else {
                    writer.write(line);
                    writer.write("\r\n");
                }
                first = false;
            }
            if (json) {
                writer.write(first ? "[\n]\n" : "\n]\n");
            }
        }
    }

    private static String csvDay(String line) {
        int comma = line.indexOf(',');
        return comma < 0 || line.length() < comma + 1 + DAY ? null : line.substring(comma + 1, comma + 1 + DAY);
    }

    private static String jsonDay(String line) {
        int at = line.indexOf(JSON_DAY);
        return at < 0 || line.length() < at + JSON_DAY.length() + DAY ? null : line.substring(at + JSON_DAY.length(), at + JSON_DAY.length() + DAY);
    }

    private static LocalDate day(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2026-11-01");
            return null;
        }
    }
}
