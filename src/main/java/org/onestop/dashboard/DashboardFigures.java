package org.onestop.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.onestop.access.CaseAccessPolicy;
import org.onestop.cases.CaseFigures;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.springframework.stereotype.Service;

/**
 * The public dashboard's figures for the 12 months up to now (the current month to date and the 11 before it, in the
 * city's time zone), from the cases' grouped counts: two grouped queries a month (city-wide, and per service and ward).
 * They are kept for {@code onestop.dashboard.refresh} and computed again only after that, by one request while the
 * others wait for it, so anonymous traffic cannot make the database count on every hit.
 * <p>
 * The measures are the KPIs' ({@code requests}, {@code resolved-within-standard-pct},
 * {@code average-time-to-resolve-hours} in days): the cases received in a month, and of them those resolved within the
 * resolve-by date set when they were routed. City-wide figures count every case, private ones too; the breakdowns by
 * service and by ward count the cases of public services only and hide small counts ({@link SmallCells}).
 */
@Service
class DashboardFigures {

    static final int MONTHS = 12;
    private static final double SECONDS_PER_DAY = 86_400;

    /** How a figure of a breakdown is shown. */
    enum Shown { VALUE, SMALL, SUPPRESSED }

    /** A breakdown's figure: a value (count, % or days), or why it is not shown. */
    record Figure(Number value, Shown shown) {

        static Figure of(Number value) {
            return new Figure(value, Shown.VALUE);
        }

        static Figure hidden(Shown why) {
            return new Figure(null, why);
        }

        boolean visible() {
            return shown == Shown.VALUE;
        }
    }

    /** One month city-wide: every case, private ones too; a rate nothing could count is null. */
    record Month(YearMonth month, boolean toDate, long requests, Double withinStandardPct, Double averageDays) {
    }

    /** One service or ward: requests per month and over the 12 months, and its rates over the 12 months. */
    record Row(String key, List<Figure> months, Figure total, Figure withinStandardPct, Figure averageDays) {
    }

    record Figures(Instant computedAt, List<Month> overall, List<Row> services, List<Row> wards) {

        List<YearMonth> months() {
            return overall.stream().map(Month::month).toList();
        }
    }

    private final CaseFigures cases;
    private final ServiceCatalogue catalogue;
    private final CaseAccessPolicy.PublicFigures rules;
    private final DashboardProperties settings;
    private final ZoneId zone;
    private final Clock clock;
    private volatile Figures latest;

    DashboardFigures(CaseFigures cases, ServiceCatalogue catalogue, CaseAccessPolicy policy, DashboardProperties settings,
                     CityProperties city, Clock clock) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.rules = policy.publicFigures();
        this.settings = settings;
        this.zone = city.timeZone();
        this.clock = clock;
    }

    /** The fewest cases a shown figure counts (the access policy's rule for public figures). */
    int smallestCell() {
        return rules.smallestCell();
    }

    /** The figures, computed again only when those kept are older than the refresh interval (or from another clock). */
    Figures current() {
        Instant now = clock.instant();
        Figures figures = latest;
        if (fresh(figures, now)) {
            return figures;
        }
        synchronized (this) {
            figures = latest;
            if (!fresh(figures, now)) {
                figures = compute(now);
                latest = figures;
            }
            return figures;
        }
    }

    private boolean fresh(Figures figures, Instant now) {
        return figures != null && !now.isBefore(figures.computedAt()) && now.isBefore(figures.computedAt().plus(settings.refresh()));
    }

    /** The counts of one service or ward, month by month. */
    private static final class Tally {
        final long[] received = new long[MONTHS];
        long resolveDue;
        long resolvedInTime;
        long resolved;
        double resolveSeconds;

        void add(int month, CaseFigures.Totals t) {
            received[month] += t.received();
            resolveDue += t.resolveDue();
            resolvedInTime += t.resolvedInTime();
            resolved += t.resolved();
            resolveSeconds += t.averageResolveSeconds() * t.resolved();
        }
    }

    Figures compute(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        Set<String> publicServices = catalogue.services().stream().filter(s -> rules.mayShowCase(s.privateCases()))
                .map(ServiceDefinition::code).collect(Collectors.toSet());
        List<Month> overall = new ArrayList<>();
        Map<String, Tally> services = new TreeMap<>();
        Map<String, Tally> wards = new TreeMap<>();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = current.minusMonths(MONTHS - 1 - i);
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Tally all = new Tally();
            for (CaseFigures.Totals t : cases.totals(from, to, CaseFigures.Dimension.NONE, null, now)) {
                all.add(0, t);
            }
            overall.add(new Month(month, month.equals(current), all.received[0],
                    all.resolveDue == 0 ? null : round(all.resolvedInTime * 100.0 / all.resolveDue),
                    all.resolved == 0 ? null : round(all.resolveSeconds / all.resolved / SECONDS_PER_DAY)));
            for (CaseFigures.Totals t : cases.totals(from, to, CaseFigures.Dimension.SERVICE_WARD, null, now)) {
                int bar = t.key().indexOf('|');
                String service = bar < 0 ? t.key() : t.key().substring(0, bar);
                String ward = bar < 0 ? "" : t.key().substring(bar + 1);
                if (!publicServices.contains(service)) {
                    continue;
                }
                services.computeIfAbsent(service, k -> new Tally()).add(i, t);
                wards.computeIfAbsent(ward, k -> new Tally()).add(i, t);
            }
        }
        return new Figures(now, overall, rows(services), rows(wards));
    }

    /** The rows of a breakdown, its counts through {@link SmallCells} and its rates shown only over enough cases. */
    private List<Row> rows(Map<String, Tally> tallies) {
        List<String> keys = new ArrayList<>(tallies.keySet());
        long[][] counts = new long[keys.size()][MONTHS + 1];
        for (int r = 0; r < keys.size(); r++) {
            long[] received = tallies.get(keys.get(r)).received;
            for (int m = 0; m < MONTHS; m++) {
                counts[r][m] = received[m];
                counts[r][MONTHS] += received[m];
            }
        }
        SmallCells.Mark[][] marks = SmallCells.suppress(counts, rules::mayShowCell);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < keys.size(); r++) {
            Tally t = tallies.get(keys.get(r));
            List<Figure> months = new ArrayList<>();
            for (int m = 0; m < MONTHS; m++) {
                months.add(count(counts[r][m], marks[r][m]));
            }
            // A rate over a row whose count is hidden would hint at that count (5 of 6 is 83.3 %): hidden with it.
            Figure total = count(counts[r][MONTHS], marks[r][MONTHS]);
            Figure pct = !rules.mayShowCell(t.resolveDue) ? Figure.hidden(Shown.SMALL) : !total.visible() ? total
                    : Figure.of(round(t.resolvedInTime * 100.0 / t.resolveDue));
            Figure days = !rules.mayShowCell(t.resolved) ? Figure.hidden(Shown.SMALL) : !total.visible() ? total
                    : Figure.of(round(t.resolveSeconds / t.resolved / SECONDS_PER_DAY));
            rows.add(new Row(keys.get(r), months, total, pct, days));
        }
        return rows;
    }

    private static Figure count(long value, SmallCells.Mark mark) {
        return switch (mark) {
            case SHOWN -> Figure.of(value);
            case SMALL -> Figure.hidden(Shown.SMALL);
            case SUPPRESSED -> Figure.hidden(Shown.SUPPRESSED);
        };
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
