package org.onestop.cases;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.onestop.city.CityProperties;
import org.onestop.shared.Rollup;
import org.onestop.shared.RollupProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code kpi_case_day} (see V36) up to date: every {@code onestop.kpis.rollup.every}, one node (a lease) rebuilds
 * the days received of the cases changed since its last pass, a day per transaction, then moves {@code as_of} on. The
 * first pass builds every day. Readers ({@link CaseFigures}) count the days changed since {@code as_of} (less
 * {@link #MARGIN}, for transactions still committing) from the cases, so a figure never waits for the job.
 */
@Component
class CaseRollup extends Rollup {

    /** Changes this long before a pass started may still have been committing: their days count as changed. */
    static final Duration MARGIN = Duration.ofMinutes(2);
    /** The groupings stored; overall and per department are the per-service rows added up. */
    static final List<CaseFigures.Dimension> STORED = List.of(CaseFigures.Dimension.SERVICE, CaseFigures.Dimension.WARD,
            CaseFigures.Dimension.CHANNEL);

    /** Later than any date due. */
    static final Instant EVER = Instant.parse("9000-01-01T00:00:00Z");

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    CaseRollup(EntityManager entities, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, CityProperties city,
               RollupProperties settings) {
        super(RollupState.ID, entities, transactions, clock, settings);
        this.jdbc = jdbc;
        this.zone = city.timeZone();
    }

    ZoneId zone() {
        return zone;
    }

    /** Every case changed before this is in the rollup; null: no pass yet (the figures come from the cases). */
    Instant asOf() {
        RollupState state = entities.find(RollupState.class, RollupState.ID);
        return state == null ? null : state.getAsOf();
    }

    /** The days received (in [from, to), either may be null) of the cases changed since {@code since}. */
    SortedSet<LocalDate> changedDays(Instant since, Instant from, Instant to) {
        if (from != null) {
            SortedSet<LocalDate> all = once(List.of("changed", since), () -> changedDays(since, null, null, CHANGED_READ_ONCE));
            if (all != null) {
                return new TreeSet<>(all.subSet(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()));
            }
        }
        return changedDays(since, from, to, Integer.MAX_VALUE);
    }

    /** As {@link #changedDays(Instant, Instant, Instant)} from at most {@code most} cases; null: more than that. */
    private SortedSet<LocalDate> changedDays(Instant since, Instant from, Instant to, int most) {
        var query = entities.createQuery("select distinct r.createdAt from ServiceRequest r where r.updatedAt >= :since"
                        + (from == null ? "" : " and r.createdAt >= :from and r.createdAt < :to"), Instant.class)
                .setParameter("since", since);
        if (from != null) {
            query.setParameter("from", from).setParameter("to", to);
        }
        List<Instant> created = (most == Integer.MAX_VALUE ? query : query.setMaxResults(most + 1)).getResultList();
        if (created.size() > most) {
            return null;
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        created.forEach(c -> days.add(c.atZone(zone).toLocalDate()));
        return days;
    }

    /**
     * The cases that fell due in [dueFrom, dueTo) (today before now) and count as pending now, whenever received: rows
     * of department, service, ward, channel and time received, then 1 or 0 for acknowledge-due-now, resolve-due-now and
     * overdue (as {@link CaseSums#pending} counts them). A day's due dates, so few; read once
     * per read-only transaction whatever the periods and groupings asked (the callers pick and group them); the
     * unacknowledged ones along V45's index.
     */
    List<Object[]> dueToday(Instant dueFrom, Instant dueTo) {
        return once(List.of("dueToday", dueFrom, dueTo), () -> {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : entities.createQuery("select r.department, r.serviceCode, r.ward, r.channel, r.createdAt from ServiceRequest r"
                            + " where r.acknowledgedAt is null and r.status not in :excluded and r.acknowledgeBy >= :dueFrom"
                            + " and r.acknowledgeBy < :dueTo", Object[].class)
                    .setParameter("excluded", CaseSums.EXCLUDED).setParameter("dueFrom", dueFrom).setParameter("dueTo", dueTo).getResultList()) {
                rows.add(new Object[] {r[0], r[1], r[2], r[3], r[4], 1L, 0L, 0L});
            }
            // every case due in the span, open or not (a day's cases): the database reads them along resolve_by alone,
            // and the open ones are picked here (H2 reads a whole index for a list of statuses before a range)
            for (Object[] r : entities.createQuery("select r.department, r.serviceCode, r.ward, r.channel, r.createdAt, r.status,"
                            + " r.resolvedAt from ServiceRequest r where r.resolveBy >= :dueFrom and r.resolveBy < :dueTo", Object[].class)
                    .setParameter("dueFrom", dueFrom).setParameter("dueTo", dueTo).getResultList()) {
                if (CaseSums.OPEN_STATUSES.contains(r[5])) {
                    long resolveDue = !CaseSums.EXCLUDED.contains(r[5]) && r[6] == null ? 1L : 0L;
                    rows.add(new Object[] {r[0], r[1], r[2], r[3], r[4], 0L, resolveDue, 1L});
                }
            }
            return rows;
        });
    }

    /** Rebuilds the days of the cases changed since the last pass (every day the first time), then moves as_of on. */
    @Override
    protected int pass(Instant now) {
        Instant asOf = transactions.execute(tx -> asOf());
        SortedSet<LocalDate> days = transactions.execute(tx -> asOf == null ? everyDay() : changedDays(asOf.minus(MARGIN), null, null));
        for (LocalDate day : days) {
            transactions.executeWithoutResult(tx -> rebuild(day));
        }
        // then the months of those days, before as_of moves (until it has, readers take those months from the days)
        for (LocalDate month : new TreeSet<>(days.stream().map(d -> d.withDayOfMonth(1)).toList())) {
            transactions.executeWithoutResult(tx -> rebuildMonth(month));
        }
        transactions.executeWithoutResult(tx -> entities.createQuery("update RollupState s set s.asOf = :now where s.id = :id")
                .setParameter("now", now).setParameter("id", RollupState.ID).executeUpdate());
        return days.size();
    }

    /** Forgets the rollup: the figures come from the cases until the next pass rebuilds every day. */
    void drop() {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM kpi_case_day");
            jdbc.update("DELETE FROM kpi_case_month");
            jdbc.update("DELETE FROM kpi_case_due");
            jdbc.update("DELETE FROM kpi_case_due_month");
            entities.createQuery("update RollupState s set s.asOf = null where s.id = :id").setParameter("id", RollupState.ID).executeUpdate();
        });
    }

    /** The days on which any case was received. */
    private SortedSet<LocalDate> everyDay() {
        SortedSet<LocalDate> days = new TreeSet<>();
        entities.createQuery("select distinct r.createdAt from ServiceRequest r", Instant.class).getResultStream()
                .forEach(created -> days.add(created.atZone(zone).toLocalDate()));
        return days;
    }

    private void rebuild(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        jdbc.update("DELETE FROM kpi_case_day WHERE on_day = ?", Date.valueOf(day));
        List<Object[]> rows = new ArrayList<>();
        for (CaseFigures.Dimension dimension : STORED) {
            for (Object[] r : CaseSums.settled(entities, List.of("r.department", dimension.expression()), from, to, null)) {
                Object[] row = new Object[4 + CaseSums.COLUMNS.size()];
                row[0] = dimension.name();
                row[1] = Date.valueOf(day);
                row[2] = r[0] == null ? "" : r[0].toString();
                row[3] = r[1] == null ? "" : r[1] instanceof Channel channel ? channel.name() : r[1].toString();
                for (int i = 0; i < CaseSums.COLUMNS.size(); i++) {
                    row[4 + i] = CaseSums.count(r[2 + i]);
                }
                rows.add(row);
            }
        }
        jdbc.batchUpdate("INSERT INTO kpi_case_day (dimension, on_day, department, group_key, " + String.join(", ", CaseSums.COLUMNS)
                + ") VALUES (?, ?, ?, ?" + ", ?".repeat(CaseSums.COLUMNS.size()) + ")", rows);
        rebuildDue(day, from, to);
    }

    /** The month's rows of {@code kpi_case_month}: its days' rows added up (see V44). */
    private void rebuildMonth(LocalDate month) {
        jdbc.update("DELETE FROM kpi_case_month WHERE on_month = ?", Date.valueOf(month));
        String columns = String.join(", ", CaseSums.COLUMNS);
        String sums = String.join(", ", CaseSums.COLUMNS.stream().map(c -> "SUM(" + c + ")").toList());
        jdbc.update("INSERT INTO kpi_case_month (dimension, on_month, department, group_key, " + columns + ") SELECT dimension, CAST(? AS DATE),"
                        + " department, group_key, " + sums + " FROM kpi_case_day WHERE on_day >= ? AND on_day < ? GROUP BY dimension,"
                        + " department, group_key",
                Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1)));
        jdbc.update("DELETE FROM kpi_case_due_month WHERE on_month = ?", Date.valueOf(month));
        jdbc.update("INSERT INTO kpi_case_due_month (dimension, on_month, department, group_key, ack_pending, resolve_pending, open_due,"
                        + " last_due) SELECT dimension, CAST(? AS DATE), department, group_key, SUM(ack_pending), SUM(resolve_pending), SUM(open_due),"
                        + " MAX(due_day) FROM kpi_case_due WHERE on_day >= ? AND on_day < ? GROUP BY dimension, department, group_key",
                Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1)));
    }

    /** The day's cases that may count "now", per department, key and day due (see V40). */
    private void rebuildDue(LocalDate day, Instant from, Instant to) {
        jdbc.update("DELETE FROM kpi_case_due WHERE on_day = ?", Date.valueOf(day));
        List<Object[]> rows = new ArrayList<>();
        for (CaseFigures.Dimension dimension : STORED) {
            java.util.Map<List<Object>, long[]> sums = new java.util.LinkedHashMap<>();
            for (Object[] r : CaseSums.pending(entities, List.of("r.department", dimension.expression()), from, to, null, null,
                    EVER, true)) {
                String department = r[0] == null ? "" : r[0].toString();
                String key = r[1] == null ? "" : r[1] instanceof Channel channel ? channel.name() : r[1].toString();
                LocalDate due = ((Instant) r[2]).atZone(zone).toLocalDate();
                long[] v = sums.computeIfAbsent(List.of(department, key, due), k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    v[i] += CaseSums.count(r[3 + i]);
                }
            }
            sums.forEach((k, v) -> rows.add(new Object[] {dimension.name(), Date.valueOf(day), k.get(0), k.get(1),
                    Date.valueOf((LocalDate) k.get(2)), v[0], v[1], v[2]}));
        }
        jdbc.batchUpdate("INSERT INTO kpi_case_due (dimension, on_day, department, group_key, due_day, ack_pending, resolve_pending,"
                + " open_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * The stored "now" sums of [first, last) but the days left out, of the departments given (null: all), of the cases
     * due before {@code today}: rows of department, key, acknowledge-due-now, resolve-due-now, overdue.
     */
    List<Object[]> readDue(CaseFigures.Dimension dimension, LocalDate first, LocalDate last, Collection<LocalDate> leftOut,
                           Collection<String> departments, LocalDate today) {
        return readDue(dimension, false, first, last, leftOut, departments, today);
    }

    /**
     * As {@link #readDue(CaseFigures.Dimension, LocalDate, LocalDate, Collection, Collection, LocalDate)}, grouped by
     * {@code department, group_key} or, {@code byMonth}, by the year and month received: the whole months in the period
     * without a day left out whose every row fell due before today from {@code kpi_case_due_month} (see V47), the other
     * days from {@code kpi_case_due}, those due before today.
     */
    private List<Object[]> readDue(CaseFigures.Dimension dimension, boolean byMonth, LocalDate first, LocalDate last,
                                   Collection<LocalDate> leftOut, Collection<String> departments, LocalDate today) {
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        List<LocalDate> months = wholeMonths(first, last, leftOut);
        SortedSet<LocalDate> settled = new TreeSet<>(months);
        if (!months.isEmpty()) {
            List<Object[]> rows = sum("on_month, department, group_key, SUM(ack_pending), SUM(resolve_pending), SUM(open_due), MAX(last_due)",
                    "kpi_case_due_month", "dimension = :dimension AND on_month IN (:months)", "on_month", "on_month, department, group_key",
                    Map.of("dimension", dimension.name(), "months", months.stream().map(Date::valueOf).toList()), List.of(), departments);
            for (Object[] r : rows) {
                if (!day(r[6]).isBefore(today)) {
                    settled.remove(day(r[0]));
                }
            }
            for (Object[] r : rows) {
                LocalDate month = day(r[0]);
                if (settled.contains(month)) {
                    add(sums, byMonth ? List.of(month.getYear(), month.getMonthValue()) : List.of(r[1], r[2]), r, 3);
                }
            }
        }
        // the days outside those months, a run of days at a time
        String groupBy = byMonth ? MONTH : "department, group_key";
        for (LocalDate[] run : daysOutside(first, last, settled)) {
            for (Object[] r : sum(groupBy + ", SUM(ack_pending), SUM(resolve_pending), SUM(open_due)", "kpi_case_due",
                    "dimension = :dimension AND on_day >= :first AND on_day < :last AND due_day < :today", "on_day", groupBy,
                    Map.of("dimension", dimension.name(), "first", run[0], "last", run[1], "today", today),
                    leftOut.stream().filter(d -> !d.isBefore(run[0]) && d.isBefore(run[1])).toList(), departments)) {
                add(sums, byMonth ? List.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue()) : List.of(r[0], r[1]), r, 2);
            }
        }
        List<Object[]> out = new ArrayList<>(sums.size());
        sums.forEach((key, v) -> out.add(new Object[] {key.get(0), key.get(1), v[0], v[1], v[2]}));
        return out;
    }

    private static void add(Map<List<Object>, long[]> sums, List<Object> key, Object[] row, int from) {
        long[] v = sums.computeIfAbsent(key, k -> new long[3]);
        for (int i = 0; i < 3; i++) {
            v[i] += CaseSums.count(row[from + i]);
        }
    }


    /**
     * The stored sums of [first, last) but the days left out, of the departments given (null: all), per department and
     * key of the dimension: rows of department, key, then the 16 sums.
     */
    List<Object[]> read(CaseFigures.Dimension dimension, LocalDate first, LocalDate last, Collection<LocalDate> leftOut,
                        Collection<String> departments) {
        return read(dimension, "department, group_key", first, last, leftOut, departments);
    }

    /**
     * The stored sums of [first, last) but the days left out, grouped by {@code groupBy} (columns of both tables, first
     * in each row): the whole months in the period without a day left out from {@code kpi_case_month}, the other days
     * from {@code kpi_case_day}.
     */
    private List<Object[]> read(CaseFigures.Dimension dimension, String groupBy, LocalDate first, LocalDate last,
                                Collection<LocalDate> leftOut, Collection<String> departments) {
        String sums = String.join(", ", CaseSums.COLUMNS.stream().map(c -> "SUM(" + c + ")").toList());
        List<LocalDate> months = wholeMonths(first, last, leftOut);
        List<Object[]> rows = new ArrayList<>();
        if (!months.isEmpty()) {
            rows.addAll(sum(groupBy.replace("on_day", "on_month") + ", " + sums, "kpi_case_month",
                    "dimension = :dimension AND on_month IN (:months)", "on_month", groupBy.replace("on_day", "on_month"),
                    java.util.Map.of("dimension", dimension.name(), "months", months.stream().map(Date::valueOf).toList()), List.of(),
                    departments));
        }
        // the days outside those months, a run of days at a time
        for (LocalDate[] run : daysOutside(first, last, months)) {
            rows.addAll(readDays(dimension, groupBy, sums, run[0], run[1], leftOut, departments));
        }
        return rows;
    }

    private List<Object[]> readDays(CaseFigures.Dimension dimension, String groupBy, String sums, LocalDate first, LocalDate last,
                                    Collection<LocalDate> leftOut, Collection<String> departments) {
        return sum(groupBy + ", " + sums, "kpi_case_day", "dimension = :dimension AND on_day >= :first AND on_day < :last", "on_day",
                groupBy, java.util.Map.of("dimension", dimension.name(), "first", first, "last", last),
                leftOut.stream().filter(d -> !d.isBefore(first) && d.isBefore(last)).toList(), departments);
    }

    /** As {@link #read} over all the groups of the stored per-service rows, per month: rows of year, month, then the 16 sums. */
    List<Object[]> readMonths(LocalDate first, LocalDate last, Collection<LocalDate> leftOut, Collection<String> departments) {
        return read(CaseFigures.Dimension.SERVICE, MONTH, first, last, leftOut, departments);
    }

    /** As {@link #readDue} over all the groups of the stored per-service rows, per month received: rows of year, month, then the 3 sums. */
    List<Object[]> readDueMonths(LocalDate first, LocalDate last, Collection<LocalDate> leftOut, Collection<String> departments,
                                 LocalDate today) {
        return readDue(CaseFigures.Dimension.SERVICE, true, first, last, leftOut, departments, today);
    }

    /** A stored day's year and month, in SQL that H2 and MySQL/MariaDB both read. */
    private static final String MONTH = "YEAR(on_day), MONTH(on_day)";
}
