package org.onestop.kpis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.onestop.access.CaseAccessPolicy.KpiReach;
import org.onestop.cases.CaseFigures;
import org.onestop.city.CityProperties;
import org.onestop.customers.ContactFigures;
import org.onestop.survey.SurveyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the {@link Measure}s for a period from the owning features' grouped figures; the reader's reach (from the
 * access policy) decides which cases count and which families of measures are in the answer.
 */
@Service
public class Kpis {

    /** How the measures are broken down. */
    public enum By {
        DEPARTMENT, SERVICE, WARD, CHANNEL;

        public String code() {
            return name().toLowerCase();
        }
    }

    /** One group's values, measure id → value; a rate nothing could count is there as null (JSON null, an empty CSV cell). */
    public record Group(String key, @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Number> values) {
    }

    /** A service's requests against the previous period. */
    public record ServiceTrend(String service, long requests, long previousRequests, long change, Double changePct) {
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    /** The answer: the catalogue of the measures given, the overall values, the groups, channels and services. */
    public record Report(Period period, Period previousPeriod, String by, String timeZone, List<String> departments,
                         List<Measure.Definition> measures,
                         @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Number> overall, List<Group> groups,
                         List<Group> channels, List<ServiceTrend> topServices, List<ServiceTrend> risingServices) {
    }

    private final CaseFigures cases;
    private final ContactFigures contacts;
    private final SurveyService surveys;
    private final KpiProperties settings;
    private final ZoneId zone;
    private final Clock clock;

    Kpis(CaseFigures cases, ContactFigures contacts, SurveyService surveys, KpiProperties settings, CityProperties city, Clock clock) {
        this.cases = cases;
        this.contacts = contacts;
        this.surveys = surveys;
        this.settings = settings;
        this.zone = city.timeZone();
        this.clock = clock;
    }

    /** The measures for [from, to) (days in the city's time zone), broken down by {@code by} (null: overall only). */
    @Transactional(readOnly = true)
    public Report report(LocalDate from, LocalDate to, By by, KpiReach reach) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        long days = ChronoUnit.DAYS.between(from, to);
        LocalDate previousFrom = from.minusDays(days);
        Instant previousStart = previousFrom.atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Set<String> departments = reach.departments();

        List<Measure> given = new ArrayList<>();
        for (Measure m : Measure.values()) {
            boolean shown = switch (m.family()) {
                case CASES, SURVEY, SERVICES -> reach.caseMeasures();
                case CONTACTS, CHANNELS -> reach.contactCentreMeasures();
            };
            if (shown) {
                given.add(m);
            }
        }

        Map<String, Number> overall = new LinkedHashMap<>();
        if (reach.caseMeasures()) {
            overall.putAll(caseAndSurveyValues(start, end, departments, now));
        }
        List<Group> channels = List.of();
        List<ContactFigures.HandleTimes> byChannel = List.of();
        if (reach.contactCentreMeasures()) {
            // read once per channel: the overall values, the channels section and by=channel all add these up
            byChannel = contacts.handleTimes(start, end, ContactFigures.Dimension.CHANNEL);
            overall.putAll(contactValues(byChannel));
            channels = channels(start, end, previousStart, departments, byChannel);
        }
        List<ContactFigures.HandleTimes> channelRows = byChannel;
        List<Group> groups = by == null ? List.of() : groups(start, end, by, reach, now, () -> channelRows);
        List<ServiceTrend> top = List.of();
        List<ServiceTrend> rising = List.of();
        if (reach.caseMeasures()) {
            List<ServiceTrend> trends = serviceTrends(start, end, previousStart, departments, now);
            top = trends.stream().filter(t -> t.requests() > 0)
                    .sorted(Comparator.comparingLong(ServiceTrend::requests).reversed().thenComparing(ServiceTrend::service)).limit(10).toList();
            rising = trends.stream().filter(t -> t.change() > 0)
                    .sorted(Comparator.comparingLong(ServiceTrend::change).reversed().thenComparing(ServiceTrend::service)).limit(5).toList();
        }
        return new Report(new Period(from, to), new Period(previousFrom, from), by == null ? null : by.code(), zone.getId(),
                departments == null ? null : List.copyOf(new TreeSet<>(departments)),
                given.stream().map(Measure::described).toList(), overall, groups, channels, top, rising);
    }

    /**
     * Only the groups of {@link #report} (the same values), without the overall values, the channels and the services
     * sections: for a page that shows the overall values once and the groups of several {@code by}s.
     */
    @Transactional(readOnly = true)
    public List<Group> groups(LocalDate from, LocalDate to, By by, KpiReach reach) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        return groups(start, end, by, reach, clock.instant(), () -> contacts.handleTimes(start, end, ContactFigures.Dimension.CHANNEL));
    }

    private List<Group> groups(Instant start, Instant end, By by, KpiReach reach, Instant now,
                               java.util.function.Supplier<List<ContactFigures.HandleTimes>> byChannel) {
        Set<String> departments = reach.departments();
        Map<String, Map<String, Number>> groups = new TreeMap<>();
        if (reach.caseMeasures()) {
            for (CaseFigures.Totals t : cases.totals(start, end, caseDimension(by), departments, now)) {
                groups.computeIfAbsent(t.key(), k -> new LinkedHashMap<>()).putAll(caseValues(t));
            }
            if (by == By.SERVICE || by == By.DEPARTMENT) {
                for (SurveyService.Participation p : surveys.participation(start, end,
                        by == By.SERVICE ? SurveyService.GroupBy.SERVICE : SurveyService.GroupBy.DEPARTMENT, departments)) {
                    groups.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).putAll(surveyValues(p));
                }
            }
        }
        if (reach.contactCentreMeasures() && (by == By.CHANNEL || by == By.SERVICE)) {
            Map<String, List<ContactFigures.HandleTimes>> byKey = new TreeMap<>();
            (by == By.CHANNEL ? byChannel.get() : contacts.handleTimes(start, end, ContactFigures.Dimension.SERVICE))
                    .forEach(h -> byKey.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h));
            byKey.forEach((key, rows) -> groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(contactValues(rows)));
        }
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    /** The case and survey measures over all the cases in reach received in [start, end). */
    private Map<String, Number> caseAndSurveyValues(Instant start, Instant end, Set<String> departments, Instant now) {
        Map<String, Number> values = new LinkedHashMap<>();
        cases.totals(start, end, CaseFigures.Dimension.NONE, departments, now).forEach(t -> values.putAll(caseValues(t)));
        if (values.isEmpty()) {
            values.putAll(caseValues(NO_CASES));
        }
        surveys.participation(start, end, null, departments).forEach(p -> values.putAll(surveyValues(p)));
        if (!values.containsKey(Measure.SURVEYS_ISSUED.id())) {
            values.putAll(surveyValues(NO_SURVEYS));
        }
        return values;
    }

    private static CaseFigures.Dimension caseDimension(By by) {
        return switch (by) {
            case DEPARTMENT -> CaseFigures.Dimension.DEPARTMENT;
            case SERVICE -> CaseFigures.Dimension.SERVICE;
            case WARD -> CaseFigures.Dimension.WARD;
            case CHANNEL -> CaseFigures.Dimension.CHANNEL;
        };
    }

    private static Map<String, Number> caseValues(CaseFigures.Totals t) {
        Map<String, Number> v = new LinkedHashMap<>();
        v.put(Measure.REQUESTS.id(), t.received());
        v.put(Measure.ACKNOWLEDGED.id(), t.acknowledged());
        v.put(Measure.AVERAGE_SPEED_OF_RESPONSE.id(), t.acknowledged() == 0 ? null : round(t.averageAcknowledgeSeconds() / 3600, 2));
        v.put(Measure.ACKNOWLEDGE_DUE.id(), t.acknowledgeDue());
        v.put(Measure.ACKNOWLEDGED_WITHIN_STANDARD.id(), t.acknowledgedInTime());
        v.put(Measure.ACKNOWLEDGED_WITHIN_STANDARD_PCT.id(), rate(t.acknowledgedInTime(), t.acknowledgeDue()));
        v.put(Measure.RESOLVED.id(), t.resolved());
        v.put(Measure.AVERAGE_TIME_TO_RESOLVE.id(), t.resolved() == 0 ? null : round(t.averageResolveSeconds() / 3600, 2));
        v.put(Measure.AVERAGE_TIME_TO_RESOLVE_BUSINESS.id(), t.resolved() == 0 ? null : round(t.averageResolveBusinessSeconds() / 3600, 2));
        v.put(Measure.RESOLVE_DUE.id(), t.resolveDue());
        v.put(Measure.RESOLVED_WITHIN_STANDARD.id(), t.resolvedInTime());
        v.put(Measure.RESOLVED_WITHIN_STANDARD_PCT.id(), rate(t.resolvedInTime(), t.resolveDue()));
        v.put(Measure.OPEN.id(), t.open());
        v.put(Measure.OVERDUE.id(), t.overdue());
        v.put(Measure.OVERDUE_PCT.id(), rate(t.overdue(), t.open()));
        v.put(Measure.TRANSFERS_PER_CASE.id(), t.received() == 0 ? null : round((double) t.transfers() / t.received(), 2));
        v.put(Measure.TRANSFERRED_PCT.id(), rate(t.transferred(), t.received()));
        v.put(Measure.REOPENED.id(), t.reopened());
        v.put(Measure.REOPEN_RATE_PCT.id(), rate(t.reopened(), t.resolvedOnce()));
        return v;
    }

    private static Map<String, Number> surveyValues(SurveyService.Participation p) {
        Map<String, Number> v = new LinkedHashMap<>();
        v.put(Measure.SURVEYS_ISSUED.id(), p.issued());
        v.put(Measure.SURVEY_RESPONSES.id(), p.answered());
        v.put(Measure.SURVEY_RESPONSE_RATE_PCT.id(), rate(p.answered(), p.issued()));
        v.put(Measure.SATISFACTION.id(), p.answered() == 0 ? null : round(p.averageRating(), 2));
        v.put(Measure.EASE_OF_EFFORT.id(), p.effortAnswers() == 0 ? null : round(p.averageEffort(), 2));
        v.put(Measure.EASY_PCT.id(), rate(p.easy(), p.effortAnswers()));
        v.put(Measure.SURVEY_FIXED_PCT.id(), rate(p.fixed(), p.answered()));
        return v;
    }

    /** The contact-centre measures of one group, from its handle-time distribution. */
    Map<String, Number> contactValues(List<ContactFigures.HandleTimes> rows) {
        long count = 0;
        long firstContact = 0;
        long seconds = 0;
        long withTarget = 0;
        long withinTarget = 0;
        BigDecimal cost = BigDecimal.ZERO;
        TreeMap<Integer, Long> distribution = new TreeMap<>();
        for (ContactFigures.HandleTimes h : rows) {
            count += h.count();
            firstContact += h.resolvedOnFirstContact();
            seconds += h.totalSeconds();
            distribution.merge(h.handleSeconds(), h.count(), Long::sum);
            Duration optimum = settings.optimumHandleTime().get(h.channel());
            if (optimum != null) {
                withTarget += h.count();
                if (h.handleSeconds() <= optimum.toSeconds()) {
                    withinTarget += h.count();
                }
            }
            cost = cost.add(settings.costPerContact().getOrDefault(h.channel(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(h.count())));
        }
        Map<String, Number> v = new LinkedHashMap<>();
        v.put(Measure.CONTACTS.id(), count);
        v.put(Measure.FIRST_CONTACT_RESOLUTION_PCT.id(), rate(firstContact, count));
        v.put(Measure.AVERAGE_HANDLE_TIME.id(), count == 0 ? null : round((double) seconds / count, 1));
        v.put(Measure.P90_HANDLE_TIME.id(), count == 0 ? null : percentile(distribution, count, 90));
        v.put(Measure.WITHIN_OPTIMUM_HANDLE_TIME_PCT.id(), rate(withinTarget, withTarget));
        v.put(Measure.CONTACT_COST.id(), cost.setScale(2, java.math.RoundingMode.HALF_UP));
        v.put(Measure.COST_PER_CONTACT.id(), count == 0 ? null
                : cost.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP));
        return v;
    }

    /** Nearest rank: the smallest handle time that at least {@code p}% of the contacts took at most. */
    static int percentile(TreeMap<Integer, Long> distribution, long count, int p) {
        if (count == 0) {
            return 0;
        }
        long rank = (count * p + 99) / 100;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : distribution.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return distribution.lastKey();
    }

    private List<Group> channels(Instant start, Instant end, Instant previousStart, Set<String> departments,
                                 List<ContactFigures.HandleTimes> byChannel) {
        Map<String, Long> current = requestsBy(CaseFigures.Dimension.CHANNEL, start, end, departments);
        Map<String, Long> previous = requestsBy(CaseFigures.Dimension.CHANNEL, previousStart, start, departments);
        Map<String, List<ContactFigures.HandleTimes>> contactRows = new TreeMap<>();
        byChannel.forEach(h -> contactRows.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h));
        long total = current.values().stream().mapToLong(Long::longValue).sum();
        long previousTotal = previous.values().stream().mapToLong(Long::longValue).sum();
        Set<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(previous.keySet());
        keys.addAll(contactRows.keySet());
        List<Group> channels = new ArrayList<>();
        for (String channel : keys) {
            Map<String, Number> v = new LinkedHashMap<>();
            long requests = current.getOrDefault(channel, 0L);
            double share = pct(requests, total);
            double previousShare = pct(previous.getOrDefault(channel, 0L), previousTotal);
            v.put(Measure.REQUESTS.id(), requests);
            v.put(Measure.CHANNEL_SHARE_PCT.id(), share);
            v.put(Measure.PREVIOUS_CHANNEL_SHARE_PCT.id(), previousShare);
            v.put(Measure.CHANNEL_SHIFT.id(), round(share - previousShare, 1));
            v.putAll(contactValues(contactRows.getOrDefault(channel, List.of())));
            channels.add(new Group(channel, v));
        }
        return channels;
    }

    private List<ServiceTrend> serviceTrends(Instant start, Instant end, Instant previousStart, Set<String> departments, Instant now) {
        Map<String, Long> current = requestsBy(CaseFigures.Dimension.SERVICE, start, end, departments);
        Map<String, Long> previous = requestsBy(CaseFigures.Dimension.SERVICE, previousStart, start, departments);
        Set<String> services = new TreeSet<>(current.keySet());
        services.addAll(previous.keySet());
        return services.stream().map(s -> {
            long now1 = current.getOrDefault(s, 0L);
            long before = previous.getOrDefault(s, 0L);
            return new ServiceTrend(s, now1, before, now1 - before, before == 0 ? null : round((now1 - before) * 100.0 / before, 1));
        }).toList();
    }

    private Map<String, Long> requestsBy(CaseFigures.Dimension dimension, Instant from, Instant to, Set<String> departments) {
        return cases.received(from, to, dimension, departments);
    }

    /**
     * A rate of the measures: no value at all (null, an empty CSV cell) when nothing could count, so that "0 % within
     * standard" is never shown for a period in which nothing was due.
     */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : pct(part, whole);
    }

    static double pct(long part, long whole) {
        return whole == 0 ? 0.0 : round(part * 100.0 / whole, 1);
    }

    /** One month's overall values, measure id → value (null when nothing could count). */
    public record Month(YearMonth month, @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Number> values) {
    }

    /**
     * The overall values month by month, the {@code months} calendar months that end with {@code last} (oldest first),
     * for the scorecards' trends: each month's {@link Report#overall()} (the same measures and reach), without the
     * channels and services sections. The features count all the months together ({@link CaseFigures#monthly},
     * {@link SurveyService#participationByMonth}, {@link ContactFigures#handleTimesByMonth}): a few grouped queries in
     * all, where {@link #monthByMonth} runs a few a month.
     */
    @Transactional(readOnly = true)
    public List<Month> monthly(YearMonth last, int months, KpiReach reach) {
        YearMonth first = last.minusMonths(months - 1L);
        Instant now = clock.instant();
        Map<YearMonth, CaseFigures.Totals> caseMonths = reach.caseMeasures() ? cases.monthly(first, last, reach.departments(), now) : Map.of();
        Map<YearMonth, SurveyService.Participation> surveyMonths = reach.caseMeasures()
                ? surveys.participationByMonth(first, last, reach.departments()) : Map.of();
        Map<YearMonth, List<ContactFigures.HandleTimes>> contactMonths = reach.contactCentreMeasures()
                ? contacts.handleTimesByMonth(first, last) : Map.of();
        List<Month> series = new ArrayList<>(months);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, Number> values = new LinkedHashMap<>();
            if (reach.caseMeasures()) {
                values.putAll(caseValues(caseMonths.getOrDefault(m, NO_CASES)));
                values.putAll(surveyValues(surveyMonths.getOrDefault(m, NO_SURVEYS)));
            }
            if (reach.contactCentreMeasures()) {
                values.putAll(contactValues(contactMonths.getOrDefault(m, List.of())));
            }
            series.add(new Month(m, values));
        }
        return series;
    }

    /** {@link #monthly} computed as {@link #report} computes a period, one month after the other: what the benchmark compares it with. */
    @Transactional(readOnly = true)
    public List<Month> monthByMonth(YearMonth last, int months, KpiReach reach) {
        List<Month> series = new ArrayList<>(months);
        Instant now = clock.instant();
        for (YearMonth m = last.minusMonths(months - 1L); !m.isAfter(last); m = m.plusMonths(1)) {
            Instant start = m.atDay(1).atStartOfDay(zone).toInstant();
            Instant end = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Map<String, Number> values = new LinkedHashMap<>();
            if (reach.caseMeasures()) {
                values.putAll(caseAndSurveyValues(start, end, reach.departments(), now));
            }
            if (reach.contactCentreMeasures()) {
                values.putAll(contactValues(contacts.handleTimes(start, end, ContactFigures.Dimension.CHANNEL)));
            }
            series.add(new Month(m, values));
        }
        return series;
    }

    private static final CaseFigures.Totals NO_CASES = new CaseFigures.Totals("all", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final SurveyService.Participation NO_SURVEYS = new SurveyService.Participation("all", 0, 0, 0, 0);

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
