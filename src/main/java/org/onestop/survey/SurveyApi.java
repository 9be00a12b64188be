package org.onestop.survey;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.city.CityProperties;
import org.onestop.shared.ApiAccess;
import org.onestop.shared.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey figures for the KPIs: the average rating and the share fixed per service or department, over a period of
 * days (in the city's time zone). For supervisors and administrators.
 */
@RestController
@RequestMapping("/api/surveys")
@Tag(name = "Surveys", description = "Residents' follow-up survey figures for the KPIs")
class SurveyApi {

    static final int MAX_DAYS = 366;

    private final SurveyService surveys;
    private final org.onestop.access.CaseAccessPolicy policy;
    private final ZoneId zone;

    SurveyApi(SurveyService surveys, org.onestop.access.CaseAccessPolicy policy, CityProperties city) {
        this.surveys = surveys;
        this.policy = policy;
        this.zone = city.timeZone();
    }

    /** {@code from} and {@code to} are days (inclusive); {@code by} is {@code service} (default) or {@code department}. */
    @GetMapping("/summary")
    @Operation(operationId = "surveySummary",
            summary = "Average rating and share fixed per service or department over a period of days (at most 366)")
    @ApiAccess(who = "department supervisors (and heads), and administrators",
            narrowedBy = "a supervisor's figures count only the cases of the departments they supervise; an administrator's all",
            forbidden = "the caller supervises no department and is no administrator")
    SurveyService.Summary summary(@Parameter(required = true, example = "2026-11-01") @RequestParam(required = false) String from,
                                  @Parameter(required = true, example = "2026-11-30") @RequestParam(required = false) String to,
                                  @Parameter(description = "service or department") @RequestParam(defaultValue = "service") String by,
                                  Authentication user) {
        java.util.Set<String> readable = policy.reportDepartments(org.onestop.access.StaffMember.of(user));
        if (readable.isEmpty()) {
            throw new AccessDeniedException("survey figures are for supervisors (their departments) and administrators");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRequestException("to", "the period is at most " + MAX_DAYS + " days");
        }
        SurveyService.GroupBy groupBy = switch (by.trim().toLowerCase(Locale.ROOT)) {
            case "service" -> SurveyService.GroupBy.SERVICE;
            case "department" -> SurveyService.GroupBy.DEPARTMENT;
            default -> throw new InvalidRequestException("by", "must be service or department");
        };
        return surveys.summary(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), groupBy, readable);
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required (a date such as 2026-11-01)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date such as 2026-11-01");
        }
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }
}
