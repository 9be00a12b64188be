package org.onestop.kpis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.shared.ApiAccess;
import org.onestop.shared.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis}: every performance measure for a period, as JSON or (with {@code Accept: text/csv}) as CSV,
 * one row per group and measure. Who sees which measures over which cases is the access policy's.
 */
@RestController
@RequestMapping("/api/kpis")
@Tag(name = "KPIs", description = "The city's performance measures for a period, overall and per department, service, ward or channel")
class KpiApi {

    static final String CSV = "text/csv";
    static final int MAX_YEARS = 2;

    private final Kpis kpis;
    private final CaseAccessPolicy policy;

    KpiApi(Kpis kpis, CaseAccessPolicy policy) {
        this.kpis = kpis;
        this.policy = policy;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(operationId = "kpis", summary = "Every performance measure for [from, to) (days in the city's time zone, at most 2 years), "
            + "overall and broken down by department, service, ward or channel; JSON, or CSV with Accept: text/csv")
    @ApiAccess(who = "managers and administrators (every measure); department supervisors (and heads); contact-centre agents and knowledge editors",
            narrowedBy = "a supervisor's figures count only the cases of the departments they supervise (by=department lists only those) and "
                    + "leave out the contact log's; an agent gets the contact-centre measures only (contacts, first-contact resolution, "
                    + "handle time, channels); the figures never name a case or a person",
            forbidden = "the caller is no manager, administrator, supervisor or agent")
    ResponseEntity<?> kpis(@Parameter(required = true, example = "2026-11-01") @RequestParam(required = false) String from,
                           @Parameter(required = true, description = "the day after the period (exclusive)", example = "2026-12-01")
                           @RequestParam(required = false) String to,
                           @Parameter(description = "department, service, ward or channel") @RequestParam(required = false) String by,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                           Authentication user) {
        CaseAccessPolicy.KpiReach reach = policy.kpis(StaffMember.of(user));
        if (reach.none()) {
            throw new AccessDeniedException("the KPIs are for managers, administrators, supervisors and contact-centre agents");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = day("from", from, errors);
        LocalDate last = day("to", to, errors);
        if (first != null && last != null) {
            if (!last.isAfter(first)) {
                errors.put("to", "must be after from (the period is [from, to))");
            } else if (last.isAfter(first.plusYears(MAX_YEARS))) {
                errors.put("to", "the period is at most " + MAX_YEARS + " years");
            }
        }
        Kpis.By grouping = null;
        if (by != null && !by.isBlank()) {
            try {
                grouping = Kpis.By.valueOf(by.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("by", "must be department, service, ward or channel");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Kpis.Report report = kpis.report(first, last, grouping, reach);
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"kpis-" + first + "-" + last + ".csv\"")
                    .body(csv(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** CSV when the client puts text/csv before JSON (or names no JSON at all). */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MediaType.sortBySpecificityAndQuality(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    /** section, group, measure, value, unit: one row per group and measure. */
    static String csv(Kpis.Report report) {
        Map<String, String> units = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            units.put(m.id(), m.unit());
        }
        StringBuilder out = new StringBuilder("section,group,measure,value,unit\r\n");
        report.overall().forEach((measure, value) -> row(out, "overall", "all", measure, value, units));
        report.groups().forEach(g -> g.values().forEach((measure, value) -> row(out, report.by(), g.key(), measure, value, units)));
        report.channels().forEach(g -> g.values().forEach((measure, value) -> row(out, "channel", g.key(), measure, value, units)));
        for (Kpis.ServiceTrend t : report.topServices()) {
            trend(out, "top-services", t, units);
        }
        for (Kpis.ServiceTrend t : report.risingServices()) {
            trend(out, "rising-services", t, units);
        }
        return out.toString();
    }

    private static void trend(StringBuilder out, String section, Kpis.ServiceTrend t, Map<String, String> units) {
        row(out, section, t.service(), Measure.REQUESTS.id(), t.requests(), units);
        out.append(section).append(',').append(cell(t.service())).append(",previous-requests,").append(t.previousRequests()).append(",count\r\n");
        row(out, section, t.service(), Measure.SERVICE_REQUESTS_CHANGE.id(), t.change(), units);
        if (t.changePct() != null) {
            row(out, section, t.service(), Measure.SERVICE_REQUESTS_CHANGE_PCT.id(), t.changePct(), units);
        }
    }

    private static void row(StringBuilder out, String section, String group, String measure, Number value, Map<String, String> units) {
        out.append(cell(section)).append(',').append(cell(group)).append(',').append(cell(measure)).append(',')
                .append(value == null ? "" : value).append(',').append(cell(units.getOrDefault(measure, ""))).append("\r\n");
    }

    /** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches(".*[\",\\r\\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static LocalDate day(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required (a date such as 2026-11-01)");
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
