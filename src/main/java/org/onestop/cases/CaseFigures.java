package org.onestop.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts and times over the cases received in a period, grouped in the database (one grouped query per call, never
 * the cases themselves): what the KPIs are computed from. Nothing here names a case or a person; a group's key is a
 * department, service code, ward name or channel code.
 */
@Service
public class CaseFigures {

    /**
     * What the cases are grouped by; {@link #NONE}: one group, {@code "all"}; {@link #SERVICE_WARD}: one group per
     * service and ward, keyed {@code "<service code>|<ward>"} (ward empty when there is none), for figures that must
     * leave some services out of a ward's count (the public dashboard leaves out the private services).
     */
    public enum Dimension {
        NONE("r.department"), DEPARTMENT("r.department"), SERVICE("r.serviceCode"), WARD("r.ward"), CHANNEL("r.channel"),
        SERVICE_WARD("concat(r.serviceCode, '|', coalesce(r.ward, ''))");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }

        String expression() {
            return expression;
        }

        /** What the cases are grouped by in the database: the department, and the dimension's own key. */
        List<String> keys() {
            return this == NONE || this == DEPARTMENT ? List.of("r.department") : List.of("r.department", expression);
        }

        /** A row's group (its keys first) as the KPIs name it. */
        String name(Object[] row) {
            return this == NONE ? "all" : CaseSums.name(row[keys().size() - 1]);
        }

        /** Which stored grouping of the rollup has this one: overall and per department add up the per-service rows. */
        Dimension stored() {
            return this == NONE || this == DEPARTMENT ? SERVICE : this;
        }

        /** A rollup row's group, from its department and key ('' for none; a channel by its name). */
        String fromRollup(Object department, Object key) {
            return switch (this) {
                case NONE -> "all";
                case DEPARTMENT -> CaseSums.name(department);
                case CHANNEL -> Channel.valueOf(key.toString()).code();
                default -> CaseSums.name(key);
            };
        }
    }

    /**
     * The facts of one group of cases received in the period.
     *
     * @param received cases received (every status)
     * @param acknowledged cases acknowledged (the latest acknowledgement)
     * @param averageAcknowledgeSeconds received → acknowledged, over the acknowledged, in calendar seconds (0 if none)
     * @param acknowledgeDue cases with an acknowledge-by date that are acknowledged or past it now (not cancelled, not duplicates)
     * @param acknowledgedInTime of those, acknowledged at or before their acknowledge-by
     * @param resolved cases resolved (not duplicates)
     * @param averageResolveSeconds received → resolved, over the resolved, in calendar seconds (0 if none)
     * @param resolveDue cases with a resolve-by date that are resolved or still open past it now (not cancelled, not duplicates)
     * @param resolvedInTime of those, resolved at or before their resolve-by
     * @param open cases open now
     * @param overdue cases open now past their resolve-by
     * @param transfers transfers of all the group's cases
     * @param transferred cases transferred at least once
     * @param reopened cases reopened at least once ("not fixed")
     * @param resolvedOnce cases resolved at least once (resolved now, or reopened)
     * @param averageResolveBusinessSeconds received → resolved, over the resolved, in office time (seconds; 0 if none)
     */
    public record Totals(String key, long received, long acknowledged, double averageAcknowledgeSeconds, long acknowledgeDue,
                         long acknowledgedInTime, long resolved, double averageResolveSeconds, long resolveDue, long resolvedInTime,
                         long open, long overdue, long transfers, long transferred, long reopened, long resolvedOnce,
                         double averageResolveBusinessSeconds) {

        /** Without the business-time average. */
        public Totals(String key, long received, long acknowledged, double averageAcknowledgeSeconds, long acknowledgeDue,
                      long acknowledgedInTime, long resolved, double averageResolveSeconds, long resolveDue, long resolvedInTime,
                      long open, long overdue, long transfers, long transferred, long reopened, long resolvedOnce) {
            this(key, received, acknowledged, averageAcknowledgeSeconds, acknowledgeDue, acknowledgedInTime, resolved,
                    averageResolveSeconds, resolveDue, resolvedInTime, open, overdue, transfers, transferred, reopened, resolvedOnce, 0);
        }
    }

    private final EntityManager entities;
    private final CaseRollup rollup;
    private final ZoneId zone;

    CaseFigures(EntityManager entities, CaseRollup rollup) {
        this.entities = entities;
        this.rollup = rollup;
        this.zone = rollup.zone();
    }

    /**
     * The cases received in [from, to), of the given departments only ({@code null}: all, also cases not routed yet),
     * grouped by the dimension; {@code now} decides what is overdue and what is past its due dates. Whole days in the
     * city's time zone come from the rollup ({@code kpi_case_day}) but for the days of cases changed since its last
     * pass, which are counted from the cases, as any other period is; what depends on {@code now} is counted from the
     * open and unacknowledged cases.
     */
    @Transactional(readOnly = true)
    public List<Totals> totals(Instant from, Instant to, Dimension by, Collection<String> departments, Instant now) {
        if (departments != null && departments.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> groups = settled(from, to, by, departments, now);
        List<Totals> totals = new ArrayList<>();
        groups.forEach((key, v) -> {
            if (v[CaseSums.RECEIVED] > 0) {
                totals.add(totals(key, v));
            }
        });
        return totals;
    }

    /**
     * As {@link #totals} over all the cases in reach ({@link Dimension#NONE}), for each calendar month from {@code first}
     * to {@code last} (in the city's time zone; a month without cases is left out), keyed by month: the scorecards'
     * trends. The months come from the rollup in one grouped query (and one for what depends on {@code now}), the days
     * it lacks from the cases a run of days at a time, so 13 months cost about as much as one.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, Totals> monthly(YearMonth first, YearMonth last, Collection<String> departments, Instant now) {
        Map<YearMonth, Totals> series = new TreeMap<>();
        if (departments != null && departments.isEmpty()) {
            return series;
        }
        Map<YearMonth, long[]> sums = new TreeMap<>();
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant asOf = rollup.asOf();
        SortedSet<LocalDate> changed = asOf == null ? null : rollup.changedDays(asOf.minus(CaseRollup.MARGIN), from, to);
        if (changed == null || changed.size() > MAX_CHANGED_DAYS) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                long[] v = settled(m.atDay(1).atStartOfDay(zone).toInstant(), m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                        Dimension.NONE, departments, now).get("all");
                if (v != null) {
                    sums.put(m, v);
                }
            }
        } else {
            LocalDate firstDay = first.atDay(1);
            LocalDate lastDay = last.plusMonths(1).atDay(1);
            for (Object[] r : rollup.readMonths(firstDay, lastDay, changed, departments)) {
                addAt(sums, month(r), r, 2, 0, CaseSums.COLUMNS.size());
            }
            LocalDate today = now.atZone(zone).toLocalDate();
            Instant todayStart = today.atStartOfDay(zone).toInstant();
            for (Object[] r : rollup.readDueMonths(firstDay, lastDay, changed, departments, today)) {
                addAt(sums, month(r), r, 2, CaseSums.ACKNOWLEDGE_DUE_NOW, 3);
            }
            // due today before now, by the month received (few cases: grouped by the time received)
            for (Object[] r : dueToday(List.of("r.createdAt"), from, to, departments, todayStart, now)) {
                addAt(sums, YearMonth.from(((Instant) r[0]).atZone(zone)), r, 1, CaseSums.ACKNOWLEDGE_DUE_NOW, 3);
            }
            for (Instant[] run : runs(changed, true)) {
                YearMonth m = YearMonth.from(run[0].atZone(zone));
                for (Object[] r : CaseSums.settled(entities, List.of("r.department"), run[0], run[1], departments)) {
                    addAt(sums, m, r, 1, 0, CaseSums.COLUMNS.size());
                }
                for (Object[] r : CaseSums.pending(entities, List.of("r.department"), run[0], run[1], departments, null, todayStart)) {
                    addAt(sums, m, r, 1, CaseSums.ACKNOWLEDGE_DUE_NOW, 3);
                }
            }
        }
        sums.forEach((m, v) -> {
            if (v[CaseSums.RECEIVED] > 0) {
                series.put(m, totals(m.toString(), v));
            }
        });
        return series;
    }

    private static YearMonth month(Object[] row) {
        return YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    /** Adds {@code size} sums of the row, from its index {@code from}, to the month's sums from index {@code at} on. */
    private static void addAt(Map<YearMonth, long[]> sums, YearMonth month, Object[] row, int from, int at, int size) {
        long[] v = sums.computeIfAbsent(month, k -> new long[CaseSums.SIZE]);
        for (int i = 0; i < size; i++) {
            v[at + i] += CaseSums.count(row[from + i]);
        }
    }

    private static Totals totals(String key, long[] v) {
        return new Totals(key, v[CaseSums.RECEIVED], v[CaseSums.ACKNOWLEDGED],
                average(v[CaseSums.ACKNOWLEDGE_SECONDS], v[CaseSums.ACKNOWLEDGED]),
                v[CaseSums.ACKNOWLEDGE_DUE] + v[CaseSums.ACKNOWLEDGE_DUE_NOW], v[CaseSums.ACKNOWLEDGED_IN_TIME],
                v[CaseSums.RESOLVED], average(v[CaseSums.RESOLVE_SECONDS], v[CaseSums.RESOLVED]),
                v[CaseSums.RESOLVE_DUE] + v[CaseSums.RESOLVE_DUE_NOW], v[CaseSums.RESOLVED_IN_TIME], v[CaseSums.OPEN],
                v[CaseSums.OVERDUE], v[CaseSums.TRANSFERS], v[CaseSums.TRANSFERRED], v[CaseSums.REOPENED],
                v[CaseSums.RESOLVED_ONCE], average(v[CaseSums.RESOLVE_BUSINESS_SECONDS], v[CaseSums.BUSINESS_MEASURED]));
    }

    /** The days as runs of consecutive days, [start, end) instants; also cut at each month's end when {@code byMonth}. */
    private List<Instant[]> runs(SortedSet<LocalDate> days, boolean byMonth) {
        LocalDate runStart = null;
        LocalDate previous = null;
        List<Instant[]> runs = new ArrayList<>();
        for (LocalDate day : days) {
            if (runStart != null && (!day.equals(previous.plusDays(1)) || byMonth && day.getDayOfMonth() == 1)) {
                runs.add(new Instant[] {runStart.atStartOfDay(zone).toInstant(), previous.plusDays(1).atStartOfDay(zone).toInstant()});
                runStart = null;
            }
            runStart = runStart == null ? day : runStart;
            previous = day;
        }
        if (runStart != null) {
            runs.add(new Instant[] {runStart.atStartOfDay(zone).toInstant(), previous.plusDays(1).atStartOfDay(zone).toInstant()});
        }
        return runs;
    }

    /** Only how many cases were received in [from, to), per group (as {@link #totals}, without what depends on now). */
    @Transactional(readOnly = true)
    public Map<String, Long> received(Instant from, Instant to, Dimension by, Collection<String> departments) {
        Map<String, Long> counts = new TreeMap<>();
        if (departments != null && departments.isEmpty()) {
            return counts;
        }
        settled(from, to, by, departments, null).forEach((key, v) -> {
            if (v[CaseSums.RECEIVED] > 0) {
                counts.put(key, v[CaseSums.RECEIVED]);
            }
        });
        return counts;
    }

    /** Brings the rollup up to date now (what the job does every {@code onestop.kpis.rollup.every}); -1: another node is at it. */
    public int refreshRollup() {
        return rollup.catchUp();
    }

    /** Forgets the rollup: the figures come from the cases until the next pass rebuilds it. */
    public void dropRollup() {
        rollup.drop();
    }

    /**
     * The sums per group: from the rollup for whole days it holds, from the cases for the rest; with what depends on
     * {@code now} unless it is null: the rollup's counts of the cases due before today, and from the cases those due
     * today before now and those of the days it lacks.
     */
    private Map<String, long[]> settled(Instant from, Instant to, Dimension by, Collection<String> departments, Instant now) {
        Map<String, long[]> groups = new TreeMap<>();
        Instant asOf = rollup.asOf();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        boolean wholeDays = first.atStartOfDay(zone).toInstant().equals(from) && last.atStartOfDay(zone).toInstant().equals(to);
        SortedSet<LocalDate> changed = asOf == null || !wholeDays ? null : rollup.changedDays(asOf.minus(CaseRollup.MARGIN), from, to);
        // the rollup keeps no service-by-ward grouping: those figures (the public dashboard's, cached) come from the cases
        if (by == Dimension.SERVICE_WARD || changed == null || changed.size() > MAX_CHANGED_DAYS) {
            add(groups, by, CaseSums.settled(entities, by.keys(), from, to, departments), 0, CaseSums.COLUMNS.size());
            if (now != null) {
                add(groups, by, CaseSums.pending(entities, by.keys(), from, to, departments, null, now), CaseSums.ACKNOWLEDGE_DUE_NOW, 3);
            }
            return groups;
        }
        for (Object[] r : rollup.read(by.stored(), first, last, changed, departments)) {
            long[] sums = groups.computeIfAbsent(by.fromRollup(r[0], r[1]), k -> new long[CaseSums.SIZE]);
            for (int i = 0; i < CaseSums.COLUMNS.size(); i++) {
                sums[i] += CaseSums.count(r[2 + i]);
            }
        }
        LocalDate today = now == null ? null : now.atZone(zone).toLocalDate();
        Instant todayStart = today == null ? null : today.atStartOfDay(zone).toInstant();
        if (now != null) {
            for (Object[] r : rollup.readDue(by.stored(), first, last, changed, departments, today)) {
                long[] sums = groups.computeIfAbsent(by.fromRollup(r[0], r[1]), k -> new long[CaseSums.SIZE]);
                for (int i = 0; i < 3; i++) {
                    sums[CaseSums.ACKNOWLEDGE_DUE_NOW + i] += CaseSums.count(r[2 + i]);
                }
            }
            // due today before now, whichever day received (the rollup holds only what was due before today)
            add(groups, by, dueToday(by.keys(), from, to, departments, todayStart, now), CaseSums.ACKNOWLEDGE_DUE_NOW, 3);
        }
        for (Instant[] run : runs(changed, false)) {
            add(groups, by, CaseSums.settled(entities, by.keys(), run[0], run[1], departments), 0, CaseSums.COLUMNS.size());
            if (now != null) {
                // the days the rollup lacks, due before today (today's are counted above)
                add(groups, by, CaseSums.pending(entities, by.keys(), run[0], run[1], departments, null, todayStart),
                        CaseSums.ACKNOWLEDGE_DUE_NOW, 3);
            }
        }
        return groups;
    }

    /** What {@link CaseRollup#dueToday} gives of each case, by the expression a grouping names it with. */
    private static final List<String> DUE_TODAY_COLUMNS = List.of("r.department", "r.serviceCode", "r.ward", "r.channel", "r.createdAt");

    /**
     * As {@link CaseSums#pending} for the cases received in [from, to) (of the departments given; null: all) that fell
     * due in [todayStart, now), with these keys: picked and grouped here from {@link CaseRollup#dueToday}, which reads
     * them once per request whatever the period and grouping (the database would otherwise pick the cases received in
     * the period first: H2 read a year's open cases for each).
     */
    private List<Object[]> dueToday(List<String> keys, Instant from, Instant to, Collection<String> departments, Instant todayStart,
                                    Instant now) {
        int[] columns = keys.stream().mapToInt(DUE_TODAY_COLUMNS::indexOf).toArray();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] c : rollup.dueToday(todayStart, now)) {
            Instant created = (Instant) c[4];
            if (created.isBefore(from) || !created.isBefore(to) || departments != null && (c[0] == null || !departments.contains(c[0]))) {
                continue;
            }
            Object[] row = new Object[keys.size() + 3];
            for (int i = 0; i < columns.length; i++) {
                row[i] = c[columns[i]];
            }
            System.arraycopy(c, 5, row, keys.size(), 3);
            rows.add(row);
        }
        return rows;
    }

    /** More days changed since the rollup's last pass than this: the period is counted from the cases. */
    static final int MAX_CHANGED_DAYS = 31;

    /** Adds the rows' {@code size} sums (after the keys) to the groups' sums from index {@code at} on. */
    private static void add(Map<String, long[]> groups, Dimension by, List<Object[]> rows, int at, int size) {
        for (Object[] r : rows) {
            long[] sums = groups.computeIfAbsent(by.name(r), k -> new long[CaseSums.SIZE]);
            for (int i = 0; i < size; i++) {
                sums[at + i] += CaseSums.count(r[by.keys().size() + i]);
            }
        }
    }

    private static double average(long sum, long count) {
        return count == 0 ? 0 : (double) sum / count;
    }
}
