package org.onestop.kpis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.CaseAccessPolicy.KpiReach;
import org.onestop.access.StaffMember;
import org.onestop.cases.CaseService;
import org.onestop.cases.ServiceRequest;
import org.onestop.cases.StaffCases;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.departments.Departments;
import org.onestop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff scorecards: the corporate one ({@code /scorecards/corporate}: every measure against its target, red, amber
 * or green, a 13-month trend, by department, ward and channel, a map of open cases by ward), a department's
 * ({@code /scorecards/departments/{code}}: its case measures, by service and ward, its overdue cases) and the contact
 * centre's ({@code /scorecards/contact-centre}). Which one a user may open, and over which cases, is the access
 * policy's ({@link CaseAccessPolicy#scorecards}); the overdue list is filtered by the user's case reach. Each chart is
 * drawn by {@code static/js/scorecard-charts.js} from the table beside it, so without script the figures are there.
 */
@Controller
class ScorecardPages {

    /** Months in a trend: this month and the twelve before it, so each month is beside the same month a year ago. */
    static final int TREND_MONTHS = 13;
    /** How far back the period selector goes, and the longest period. */
    static final int MONTHS_OFFERED = 36;
    static final int MAX_PERIOD_MONTHS = 24;
    static final int OVERDUE_LISTED = 100;

    /** The trends drawn as lines, per scorecard: the standards' rates (and the contact centre's), then the volumes. */
    static final List<String> CORPORATE_RATES = ids(Measure.ACKNOWLEDGED_WITHIN_STANDARD_PCT, Measure.RESOLVED_WITHIN_STANDARD_PCT,
            Measure.OVERDUE_PCT, Measure.FIRST_CONTACT_RESOLUTION_PCT);
    static final List<String> DEPARTMENT_RATES = ids(Measure.ACKNOWLEDGED_WITHIN_STANDARD_PCT, Measure.RESOLVED_WITHIN_STANDARD_PCT,
            Measure.OVERDUE_PCT, Measure.REOPEN_RATE_PCT);
    static final List<String> CONTACT_CENTRE_RATES = ids(Measure.FIRST_CONTACT_RESOLUTION_PCT, Measure.WITHIN_OPTIMUM_HANDLE_TIME_PCT);
    static final List<String> CORPORATE_VOLUMES = ids(Measure.REQUESTS, Measure.CONTACTS);
    static final List<String> DEPARTMENT_VOLUMES = ids(Measure.REQUESTS, Measure.RESOLVED);
    static final List<String> CONTACT_CENTRE_VOLUMES = ids(Measure.CONTACTS);
    /** The columns of the by-department, by-service and by-ward tables. */
    static final List<String> GROUP_COLUMNS = ids(Measure.REQUESTS, Measure.RESOLVED_WITHIN_STANDARD_PCT,
            Measure.AVERAGE_TIME_TO_RESOLVE, Measure.OPEN, Measure.OVERDUE);
    static final List<String> CHANNEL_COLUMNS = ids(Measure.REQUESTS, Measure.CHANNEL_SHARE_PCT, Measure.CHANNEL_SHIFT,
            Measure.CONTACTS, Measure.FIRST_CONTACT_RESOLUTION_PCT, Measure.AVERAGE_HANDLE_TIME, Measure.COST_PER_CONTACT);

    /** One measure's line of a scorecard. */
    record Line(String id, String name, String unit, Number value, BigDecimal target, Targets.Better better, Targets.Rag rag) {
    }

    /** One measure's values month by month. */
    record Trend(String id, String name, String unit, List<Number> values) {
    }

    /** One group's values (a department, service, ward or channel): its code and the name to show. */
    record GroupRow(String key, String name, Map<String, Number> values) {
    }

    record Column(String id, String name, String unit) {
    }

    record Overdue(String reference, String service, String ward, Instant resolveBy, long daysOverdue) {
    }

    record Link(String path, String name) {
    }

    /** A service's requests against the previous period, with its name. */
    record ServiceRow(String code, String name, long requests, long previousRequests, long change, Double changePct) {
    }

    private final Kpis kpis;
    private final Targets targets;
    private final CaseAccessPolicy policy;
    private final StaffCases staffCases;
    private final CaseService cases;
    private final Departments departments;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Clock clock;
    /** A scorecard's figures are read in one read-only transaction, so that its sections share what they read (see Rollup#once). */
    private final TransactionTemplate reading;

    ScorecardPages(Kpis kpis, Targets targets, CaseAccessPolicy policy, StaffCases staffCases, CaseService cases,
                   Departments departments, ServiceCatalogue catalogue, MessageSource messages, CityProperties city, Clock clock,
                   PlatformTransactionManager transactions) {
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.kpis = kpis;
        this.targets = targets;
        this.policy = policy;
        this.staffCases = staffCases;
        this.cases = cases;
        this.departments = departments;
        this.catalogue = catalogue;
        this.messages = messages;
        this.zone = city.timeZone();
        this.clock = clock;
    }

    @GetMapping("/scorecards")
    String index(Authentication user, Model model) {
        CaseAccessPolicy.ScorecardReach reach = policy.scorecards(StaffMember.of(user));
        if (reach.none()) {
            throw new AccessDeniedException(text("scorecard.forbidden"));
        }
        List<Link> links = new ArrayList<>();
        if (reach.corporate()) {
            links.add(new Link("/scorecards/corporate", text("scorecard.corporate.title")));
        }
        if (reach.contactCentre()) {
            links.add(new Link("/scorecards/contact-centre", text("scorecard.contactCentre.title")));
        }
        departments.departments().stream().filter(d -> reach.departments().contains(d.id()))
                .forEach(d -> links.add(new Link("/scorecards/departments/" + d.id(), d.name())));
        model.addAttribute("links", links);
        return "scorecards/index";
    }

    @GetMapping("/scorecards/corporate")
    String corporate(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     Authentication user, Model model, HttpServletResponse response) {
        KpiReach reach = policy.corporateScorecard(StaffMember.of(user));
        Period period = opened(reach, "scorecard.forbidden", text("scorecard.corporate.title"), from, to, model, response);
        if (period == null) {
            return "scorecards/scorecard";
        }
        reading.executeWithoutResult(tx -> {
            Kpis.Report overall = figures(period, reach, model, CORPORATE_RATES, CORPORATE_VOLUMES);
            model.addAttribute("byDepartment", groups(kpis.groups(period.from(), period.to(), Kpis.By.DEPARTMENT, reach),
                    id -> departments.nameOf(id, LocaleContextHolder.getLocale())));
            wards(period, reach, model);
            channels(overall, model);
            model.addAttribute("topServices", serviceRows(overall.topServices()));
            model.addAttribute("risingServices", serviceRows(overall.risingServices()));
        });
        return "scorecards/scorecard";
    }

    @GetMapping("/scorecards/departments/{code}")
    String department(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      Authentication user, Model model, HttpServletResponse response) {
        Departments.Department department = departments.find(code)
                .orElseThrow(() -> new NotFoundException(text("scorecard.department.notFound")));
        StaffMember staff = StaffMember.of(user);
        KpiReach reach = policy.departmentScorecard(staff, department.id());
        Period period = opened(reach, "scorecard.department.forbidden", text("scorecard.department.title", department.name()),
                from, to, model, response);
        if (period == null) {
            return "scorecards/scorecard";
        }
        reading.executeWithoutResult(tx -> {
            figures(period, reach, model, DEPARTMENT_RATES, DEPARTMENT_VOLUMES);
            model.addAttribute("byService", groups(kpis.groups(period.from(), period.to(), Kpis.By.SERVICE, reach), this::serviceName));
            wards(period, reach, model);
            model.addAttribute("overdue", overdue(department.id(), staff));
        });
        return "scorecards/scorecard";
    }

    @GetMapping("/scorecards/contact-centre")
    String contactCentre(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         Authentication user, Model model, HttpServletResponse response) {
        KpiReach reach = policy.contactCentreScorecard(StaffMember.of(user));
        Period period = opened(reach, "scorecard.forbidden", text("scorecard.contactCentre.title"), from, to, model, response);
        if (period == null) {
            return "scorecards/scorecard";
        }
        reading.executeWithoutResult(tx -> channels(figures(period, reach, model, CONTACT_CENTRE_RATES, CONTACT_CENTRE_VOLUMES), model));
        return "scorecards/scorecard";
    }

    /**
     * A scorecard opened: a 403 when the policy gives the user none of its figures; else its title and the period
     * chosen, or null (a 400 with the form) when the choice is wrong.
     */
    private Period opened(KpiReach reach, String forbidden, String title, String from, String to, Model model, HttpServletResponse response) {
        if (reach.none()) {
            throw new AccessDeniedException(text(forbidden));
        }
        model.addAttribute("title", title);
        return period(from, to, model, response);
    }

    // ---------------------------------------------------------------- the figures

    /** The scorecard's lines for the period and the trend of the 13 months that end with the period's last. */
    private Kpis.Report figures(Period period, KpiReach reach, Model model, List<String> rates, List<String> volumes) {
        Kpis.Report report = kpis.report(period.from(), period.to(), null, reach);
        List<Line> lines = new ArrayList<>();
        report.overall().forEach((id, value) -> lines.add(line(id, value)));
        model.addAttribute("lines", lines);
        List<Kpis.Month> months = kpis.monthly(period.last(), TREND_MONTHS, reach);
        model.addAttribute("months", months.stream().map(Kpis.Month::month).toList());
        List<Trend> trends = new ArrayList<>();
        for (String id : report.overall().keySet()) {
            trends.add(new Trend(id, name(id), unit(id), months.stream().map(m -> m.values().get(id)).toList()));
        }
        model.addAttribute("trends", trends);
        model.addAttribute("rateTrends", trends.stream().filter(t -> rates.contains(t.id())).toList());
        model.addAttribute("volumeTrends", trends.stream().filter(t -> volumes.contains(t.id())).toList());
        model.addAttribute("amberBandPct", targets.amberBandPct());
        return report;
    }

    Line line(String id, Number value) {
        return new Line(id, name(id), unit(id), value, targets.target(id), Targets.better(id), targets.rag(id, value));
    }

    private void wards(Period period, KpiReach reach, Model model) {
        model.addAttribute("byWard", groups(kpis.groups(period.from(), period.to(), Kpis.By.WARD, reach), Function.identity()));
        model.addAttribute("groupColumns", columns(GROUP_COLUMNS));
    }

    private void channels(Kpis.Report report, Model model) {
        model.addAttribute("byChannel", report.channels().stream()
                .map(g -> new GroupRow(g.key(), textOr("scorecard.channel." + g.key(), g.key()), g.values())).toList());
        model.addAttribute("channelColumns", columns(CHANNEL_COLUMNS));
        model.addAttribute("groupColumns", columns(GROUP_COLUMNS));
    }

    private static List<GroupRow> groups(List<Kpis.Group> groups, Function<String, String> names) {
        return groups.stream().map(g -> new GroupRow(g.key(), g.key() == null ? "—" : names.apply(g.key()), g.values())).toList();
    }

    private List<Column> columns(List<String> ids) {
        return ids.stream().map(id -> new Column(id, name(id), unit(id))).toList();
    }

    /** The department's open cases past their resolve-by date that the user may read, the most recently overdue first (new breaches before cases long left). */
    private List<Overdue> overdue(String department, StaffMember user) {
        Instant now = clock.instant();
        return cases.overdue(department, staffCases.reach(user), OVERDUE_LISTED)
                .stream().map((ServiceRequest sr) -> new Overdue(sr.getReference(), serviceName(sr.getServiceCode()), sr.getWard(),
                        sr.getResolveBy(), Duration.between(sr.getResolveBy(), now).toDays()))
                .toList();
    }

    private List<ServiceRow> serviceRows(List<Kpis.ServiceTrend> trends) {
        return trends.stream().map(t -> new ServiceRow(t.service(), serviceName(t.service()), t.requests(), t.previousRequests(),
                t.change(), t.changePct())).toList();
    }

    private String serviceName(String code) {
        return catalogue.find(code).map(ServiceDefinition::name).orElse(code);
    }

    // ---------------------------------------------------------------- the period

    /** [from, to): whole months, from the first of {@code first} to the first of the month after {@code last}. */
    record Period(YearMonth first, YearMonth last) {
        java.time.LocalDate from() {
            return first.atDay(1);
        }

        java.time.LocalDate to() {
            return last.plusMonths(1).atDay(1);
        }
    }

    /**
     * The period chosen (this month when none is): whole months among those offered, at most two years. A wrong choice
     * is a 400 with the form and its messages, and no figures.
     */
    private Period period(String from, String to, Model model, HttpServletResponse response) {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        List<YearMonth> offered = new ArrayList<>();
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            offered.add(now.minusMonths(i));
        }
        model.addAttribute("offered", offered);
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth first = month("from", from, now, offered, errors);
        YearMonth last = month("to", to, now, offered, errors);
        if (errors.isEmpty() && last.isBefore(first)) {
            errors.put("to", text("scorecard.period.toBeforeFrom"));
        } else if (errors.isEmpty() && first.plusMonths(MAX_PERIOD_MONTHS).isBefore(last.plusMonths(1))) {
            errors.put("to", text("scorecard.period.tooLong", MAX_PERIOD_MONTHS));
        }
        model.addAttribute("from", first != null ? first : from);
        model.addAttribute("to", last != null ? last : to);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", zone);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return null;
        }
        Period period = new Period(first, last);
        model.addAttribute("period", period);
        return period;
    }

    private YearMonth month(String field, String value, YearMonth now, List<YearMonth> offered, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return now;
        }
        try {
            YearMonth month = value.length() <= 7 ? YearMonth.parse(value.strip()) : null;
            if (month != null && offered.contains(month)) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // told below
        }
        errors.put(field, text("scorecard.period.notOffered"));
        return null;
    }

    // ---------------------------------------------------------------- texts

    private String name(String id) {
        return textOr("scorecard.measure." + id, Arrays.stream(Measure.values()).filter(m -> m.id().equals(id))
                .map(Measure::label).findFirst().orElse(id));
    }

    private String unit(String id) {
        String unit = Arrays.stream(Measure.values()).filter(m -> m.id().equals(id)).map(Measure::unit).findFirst().orElse("");
        String key = "%".equals(unit) ? "pct" : unit.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
        return textOr("scorecard.unit." + key, unit);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A text with a fallback for a key the messages do not have (a measure added later, an unknown channel). */
    private String textOr(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    private static List<String> ids(Measure... measures) {
        return Arrays.stream(measures).map(Measure::id).toList();
    }
}
