package org.onestop.survey;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * Keeps {@code kpi_survey_day} (see V40) up to date: every {@code onestop.kpis.rollup.every}, one node (a lease)
 * rebuilds the days issued of the surveys issued or answered since its last pass (surveys change only then), a day per
 * transaction, then records when the pass started (row 3 of {@code kpi_rollup_state}, in epoch milliseconds in
 * {@code watermark}). Readers ({@link SurveyService#participation}) count those days, less {@link #MARGIN}, from the
 * surveys themselves, so a figure never waits for the job.
 */
@Component
class SurveyRollup extends Rollup {

    static final int STATE = 3;
    /** Changes this long before a pass started may still have been committing: their days count as changed. */
    static final Duration MARGIN = Duration.ofMinutes(2);
    /** More days changed since the last pass than this: the period is counted from the surveys. */
    static final int MAX_CHANGED_DAYS = 31;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    SurveyRollup(EntityManager entities, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, CityProperties city,
                 RollupProperties settings) {
        super(STATE, entities, transactions, clock, settings);
        this.jdbc = jdbc;
        this.zone = city.timeZone();
    }

    ZoneId zone() {
        return zone;
    }

    /** Every survey issued or answered before this is in the rollup; null: no pass yet. */
    Instant asOf() {
        Object w = once(List.of("asOf"), () -> entities.createNativeQuery("SELECT watermark FROM kpi_rollup_state WHERE id = " + STATE)
                .getSingleResult());
        return w == null ? null : Instant.ofEpochMilli(((Number) w).longValue());
    }

    /** The days issued (in [from, to), either may be null) of the surveys issued or answered since {@code since}. */
    SortedSet<LocalDate> changedDays(Instant since, Instant from, Instant to) {
        if (from != null) {
            SortedSet<LocalDate> all = once(List.of("changed", since), () -> changedDays(since, null, null, CHANGED_READ_ONCE));
            if (all != null) {
                return new TreeSet<>(all.subSet(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()));
            }
        }
        return changedDays(since, from, to, Integer.MAX_VALUE);
    }

    /** As {@link #changedDays(Instant, Instant, Instant)} from at most {@code most} surveys per query; null: more than that. */
    private SortedSet<LocalDate> changedDays(Instant since, Instant from, Instant to, int most) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (String changed : List.of("s.createdAt", "s.answeredAt")) {
            var query = entities.createQuery("select distinct s.createdAt from Survey s where " + changed + " >= :since"
                    + (from == null ? "" : " and s.createdAt >= :from and s.createdAt < :to"), Instant.class).setParameter("since", since);
            if (from != null) {
                query.setParameter("from", from).setParameter("to", to);
            }
            List<Instant> created = (most == Integer.MAX_VALUE ? query : query.setMaxResults(most + 1)).getResultList();
            if (created.size() > most) {
                return null;
            }
            created.forEach(c -> days.add(c.atZone(zone).toLocalDate()));
        }
        return days;
    }

    @Override
    protected int pass(Instant now) {
        Instant asOf = transactions.execute(tx -> asOf());
        SortedSet<LocalDate> days = transactions.execute(tx -> asOf == null ? everyDay() : changedDays(asOf.minus(MARGIN), null, null));
        for (LocalDate day : days) {
            transactions.executeWithoutResult(tx -> rebuild(day));
        }
        // then the months of those days, before the watermark moves (until it has, readers take those months from the days)
        for (LocalDate month : new TreeSet<>(days.stream().map(d -> d.withDayOfMonth(1)).toList())) {
            transactions.executeWithoutResult(tx -> rebuildMonth(month));
        }
        transactions.executeWithoutResult(tx -> jdbc.update("UPDATE kpi_rollup_state SET watermark = ? WHERE id = " + STATE,
                now.toEpochMilli()));
        return days.size();
    }

    /** Forgets the rollup: the figures come from the surveys until the next pass rebuilds every day. */
    void drop() {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM kpi_survey_day");
            jdbc.update("DELETE FROM kpi_survey_month");
            jdbc.update("UPDATE kpi_rollup_state SET watermark = NULL WHERE id = " + STATE);
        });
    }

    private SortedSet<LocalDate> everyDay() {
        SortedSet<LocalDate> days = new TreeSet<>();
        entities.createQuery("select distinct s.createdAt from Survey s", Instant.class).getResultStream()
                .forEach(created -> days.add(created.atZone(zone).toLocalDate()));
        return days;
    }

    /** The month's rows of {@code kpi_survey_month}: its days' rows added up (see V48). */
    private void rebuildMonth(LocalDate month) {
        jdbc.update("DELETE FROM kpi_survey_month WHERE on_month = ?", Date.valueOf(month));
        jdbc.update("INSERT INTO kpi_survey_month (on_month, department, service_code, " + SUMMED + ") SELECT CAST(? AS DATE), department,"
                        + " service_code, " + SUMS + " FROM kpi_survey_day WHERE on_day >= ? AND on_day < ? GROUP BY department, service_code",
                Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1)));
    }

    private static final String SUMMED = "issued, answered, rating_sum, fixed, effort_answers, effort_sum, easy";
    private static final String SUMS = "SUM(issued), SUM(answered), SUM(rating_sum), SUM(fixed), SUM(effort_answers), SUM(effort_sum), SUM(easy)";

    private void rebuild(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        jdbc.update("DELETE FROM kpi_survey_day WHERE on_day = ?", Date.valueOf(day));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : SurveyService.exact(entities, from, to, null)) {
            Object[] row = new Object[1 + r.length];
            row[0] = Date.valueOf(day);
            row[1] = r[1] == null ? "" : r[1].toString();
            row[2] = r[0] == null ? "" : r[0].toString();
            for (int i = 2; i < r.length; i++) {
                row[1 + i] = r[i] == null ? 0L : ((Number) r[i]).longValue();
            }
            rows.add(row);
        }
        jdbc.batchUpdate("INSERT INTO kpi_survey_day (on_day, department, service_code, issued, answered, rating_sum, fixed,"
                + " effort_answers, effort_sum, easy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * The stored sums of [first, last) but the days left out, of the departments given (null: all): rows as
     * {@link SurveyService#exact} (service, department (null: none), issued, answered, rating sum, fixed, effort answers,
     * effort sum, easy).
     */
    List<Object[]> read(LocalDate first, LocalDate last, Collection<LocalDate> leftOut, Collection<String> departments) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] stored : read("service_code, department", first, last, leftOut, departments)) {
            Object[] r = stored.clone();
            r[1] = "".equals(r[1]) ? null : r[1];
            rows.add(r);
        }
        return rows;
    }

    /**
     * The stored sums of [first, last) but the days left out, grouped by {@code groupBy} (columns of both tables, first
     * in each row): the whole months in the period without a day left out from {@code kpi_survey_month}, the other days
     * from {@code kpi_survey_day}, a run of days at a time.
     */
    private List<Object[]> read(String groupBy, LocalDate first, LocalDate last, Collection<LocalDate> leftOut, Collection<String> departments) {
        List<LocalDate> months = wholeMonths(first, last, leftOut);
        List<Object[]> rows = new ArrayList<>();
        String monthly = groupBy.replace("on_day", "on_month");
        if (!months.isEmpty()) {
            rows.addAll(sum(monthly + ", " + SUMS, "kpi_survey_month", "on_month IN (:months)", "on_month", monthly,
                    java.util.Map.of("months", months.stream().map(Date::valueOf).toList()), List.of(), departments));
        }
        for (LocalDate[] run : daysOutside(first, last, months)) {
            rows.addAll(sum(groupBy + ", " + SUMS, "kpi_survey_day", "on_day >= :first AND on_day < :last", "on_day", groupBy,
                    java.util.Map.of("first", run[0], "last", run[1]),
                    leftOut.stream().filter(d -> !d.isBefore(run[0]) && d.isBefore(run[1])).toList(), departments));
        }
        return rows;
    }

    /** As {@link #read} over every service and department, per month: rows of year, month, then the 7 sums. */
    List<Object[]> readMonths(LocalDate first, LocalDate last, Collection<LocalDate> leftOut, Collection<String> departments) {
        return read("YEAR(on_day), MONTH(on_day)", first, last, leftOut, departments);
    }

}
