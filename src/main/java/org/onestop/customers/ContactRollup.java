package org.onestop.customers;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.onestop.shared.Rollup;
import org.onestop.shared.RollupProperties;
import org.onestop.city.CityProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code kpi_contact_day} (see V36) up to date: every {@code onestop.kpis.rollup.every}, one node (a lease)
 * rebuilds the days ended of the contacts recorded since its last pass (by id: contacts are not changed once logged,
 * beyond anonymising), a day per transaction, then moves the watermark on. Readers ({@link ContactFigures}) count the
 * days of the contacts above the watermark less {@link #OVERLAP} from the contact log itself.
 */
@Component
class ContactRollup extends Rollup {

    static final int STATE = 2;
    /** Contacts this many ids below the watermark may still have been committing at the pass: their days count as changed. */
    static final long OVERLAP = 1_000;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ContactRollup(EntityManager entities, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, CityProperties city,
                  RollupProperties settings) {
        super(STATE, entities, transactions, clock, settings);
        this.jdbc = jdbc;
        this.zone = city.timeZone();
    }

    ZoneId zone() {
        return zone;
    }

    /** Every contact up to this id is in the rollup; null: no pass yet. */
    Long watermark() {
        Object w = once(List.of("watermark"), () -> entities.createNativeQuery("SELECT watermark FROM kpi_rollup_state WHERE id = " + STATE)
                .getSingleResult());
        return w == null ? null : ((Number) w).longValue();
    }

    /** The days ended (in [from, to), either may be null) of the contacts above {@code id}. */
    SortedSet<LocalDate> changedDays(long id, Instant from, Instant to) {
        if (from != null) {
            SortedSet<LocalDate> all = once(List.of("changed", id), () -> changedDays(id, null, null, CHANGED_READ_ONCE));
            if (all != null) {
                return new TreeSet<>(all.subSet(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()));
            }
        }
        return changedDays(id, from, to, Integer.MAX_VALUE);
    }

    /** As {@link #changedDays(long, Instant, Instant)} from at most {@code most} contacts; null: more than that. */
    private SortedSet<LocalDate> changedDays(long id, Instant from, Instant to, int most) {
        var query = entities.createQuery("select distinct c.endedAt from Contact c where c.id > :id"
                + (from == null ? "" : " and c.endedAt >= :from and c.endedAt < :to"), Instant.class).setParameter("id", id);
        if (from != null) {
            query.setParameter("from", from).setParameter("to", to);
        }
        List<Instant> ended = (most == Integer.MAX_VALUE ? query : query.setMaxResults(most + 1)).getResultList();
        if (ended.size() > most) {
            return null;
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        ended.forEach(e -> days.add(e.atZone(zone).toLocalDate()));
        return days;
    }

    /** Rebuilds the days of the contacts logged since the last pass (every day the first time), then moves the watermark on. */
    @Override
    protected int pass(Instant now) {
        Long mark = transactions.execute(tx -> watermark());
        long newMark = transactions.execute(tx -> entities.createQuery("select coalesce(max(c.id), 0) from Contact c", Long.class)
                .getSingleResult());
        SortedSet<LocalDate> days = transactions.execute(tx -> changedDays(mark == null ? -1 : mark - OVERLAP, null, null));
        for (LocalDate day : days) {
            transactions.executeWithoutResult(tx -> rebuild(day));
        }
        // then the months of those days, and the running totals from the first of them on, before the watermark moves
        // (until it has, readers take those months from the days)
        SortedSet<LocalDate> months = new TreeSet<>(days.stream().map(d -> d.withDayOfMonth(1)).toList());
        for (LocalDate month : months) {
            transactions.executeWithoutResult(tx -> rebuildMonth(month));
        }
        transactions.executeWithoutResult(tx -> rebuildTotals(months.isEmpty() ? null : months.first()));
        if (newMark > 0) {
            transactions.executeWithoutResult(tx -> entities.createNativeQuery("UPDATE kpi_rollup_state SET watermark = :mark WHERE id = :id")
                    .setParameter("mark", newMark).setParameter("id", STATE).executeUpdate());
        }
        return days.size();
    }

    /** Forgets the rollup: the figures come from the log until the next pass rebuilds it. */
    void drop() {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM kpi_contact_day");
            jdbc.update("DELETE FROM kpi_contact_month");
            jdbc.update("DELETE FROM kpi_contact_total");
            entities.createNativeQuery("UPDATE kpi_rollup_state SET watermark = NULL WHERE id = " + STATE).executeUpdate();
        });
    }

    private void rebuild(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        jdbc.update("DELETE FROM kpi_contact_day WHERE on_day = ?", Date.valueOf(day));
        List<Object[]> rows = new ArrayList<>();
        for (ContactFigures.Dimension dimension : List.of(ContactFigures.Dimension.CHANNEL, ContactFigures.Dimension.SERVICE)) {
            for (ContactFigures.HandleTimes h : ContactFigures.bucketed(ContactFigures.exact(entities, dimension, from, to))) {
                rows.add(new Object[] {dimension.name(), Date.valueOf(day), "(none)".equals(h.key()) ? "" : h.key(), h.channel(),
                        h.handleSeconds(), h.count(), h.resolvedOnFirstContact(), h.totalSeconds()});
            }
        }
        jdbc.batchUpdate("INSERT INTO kpi_contact_day (dimension, on_day, group_key, channel, bucket, contacts, first_contact, handle_seconds)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The month's rows: its days' rows added up. */
    private void rebuildMonth(LocalDate month) {
        jdbc.update("DELETE FROM kpi_contact_month WHERE on_month = ?", Date.valueOf(month));
        jdbc.update("INSERT INTO kpi_contact_month (dimension, on_month, group_key, channel, bucket, contacts, first_contact, handle_seconds)"
                + " SELECT dimension, ?, group_key, channel, bucket, SUM(contacts), SUM(first_contact), SUM(handle_seconds)"
                + " FROM kpi_contact_day WHERE on_day >= ? AND on_day < ? GROUP BY dimension, group_key, channel, bucket",
                Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1)));
    }

    /**
     * Rebuilds the running totals (see V46) from the month {@code from} (null: none rebuilt) to the last month with
     * contacts, in one transaction, so that a reader's two months of totals are of the same pass; also the months the
     * totals lack (all of them after the migration, a month with contacts added since).
     */
    private void rebuildTotals(LocalDate from) {
        // every contact is in the per-channel rows: their months are the months with contacts
        LocalDate first = edge("kpi_contact_month", "ASC");
        LocalDate last = edge("kpi_contact_month", "DESC");
        LocalDate totalsFirst = edge("kpi_contact_total", "ASC");
        LocalDate totalsLast = edge("kpi_contact_total", "DESC");
        if (first == null) {
            if (totalsFirst != null) {
                jdbc.update("DELETE FROM kpi_contact_total");
            }
            return;
        }
        LocalDate start = from;
        if (totalsFirst == null || !totalsFirst.equals(first)) {
            start = first;
        } else if (!totalsLast.equals(last)) {
            LocalDate lacking = totalsLast.isBefore(last) ? totalsLast.plusMonths(1) : last;
            start = start == null || lacking.isBefore(start) ? lacking : start;
        }
        if (start == null) {
            return;
        }
        start = start.isBefore(first) ? first : start;
        if (totalsFirst != null && totalsFirst.isBefore(first)) {
            jdbc.update("DELETE FROM kpi_contact_total");
        } else {
            jdbc.update("DELETE FROM kpi_contact_total WHERE dimension IN ('CHANNEL', 'SERVICE') AND on_month >= ?", Date.valueOf(start));
        }
        for (LocalDate month = start; !month.isAfter(last); month = month.plusMonths(1)) {
            jdbc.update("INSERT INTO kpi_contact_total (dimension, on_month, group_key, channel, bucket, contacts, first_contact, handle_seconds)"
                    + " SELECT dimension, ?, group_key, channel, bucket, SUM(contacts), SUM(first_contact), SUM(handle_seconds) FROM ("
                    + "SELECT dimension, group_key, channel, bucket, contacts, first_contact, handle_seconds FROM kpi_contact_total WHERE on_month = ?"
                    + " AND dimension IN ('CHANNEL', 'SERVICE') UNION ALL SELECT dimension, group_key, channel, bucket, contacts, first_contact,"
                    + " handle_seconds FROM kpi_contact_month WHERE on_month = ? AND dimension IN ('CHANNEL', 'SERVICE')) t"
                    + " GROUP BY dimension, group_key, channel, bucket",
                    Date.valueOf(month), Date.valueOf(month.minusMonths(1)), Date.valueOf(month));
        }
    }

    /** The first ({@code ASC}) or last ({@code DESC}) month of the table's per-channel rows, along its key; null: none. */
    private LocalDate edge(String table, String order) {
        // (ORDER BY starting with the key's first column: only then does H2 read the key in its order and stop at the first row)
        List<Date> months = jdbc.queryForList("SELECT on_month FROM " + table + " WHERE dimension = 'CHANNEL' ORDER BY dimension " + order
                + ", on_month " + order + " LIMIT 1", Date.class);
        return months.isEmpty() ? null : months.get(0).toLocalDate();
    }

    /**
     * A run of whole months this long or longer is read from the running totals (two months' rows), a shorter one from
     * {@code kpi_contact_month} (a month's rows per month).
     */
    static final int RUNNING_TOTAL_FROM = 3;

    /**
     * The stored rows of [first, last) but the days left out: group key, channel, bucket, contacts, first contact,
     * seconds (a group, channel and bucket may come more than once). The whole months in the period without a day left
     * out come from {@code kpi_contact_month} (the longest run of them), the other days from {@code kpi_contact_day}.
     */
    List<Object[]> read(ContactFigures.Dimension dimension, LocalDate first, LocalDate last, Collection<LocalDate> leftOut) {
        LocalDate monthsFrom = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
        LocalDate monthsTo = monthsFrom;
        while (!monthsTo.plusMonths(1).isAfter(last)) {
            LocalDate next = monthsTo.plusMonths(1);
            LocalDate start = monthsTo;
            if (leftOut.stream().anyMatch(d -> !d.isBefore(start) && d.isBefore(next))) {
                break;
            }
            monthsTo = next;
        }
        if (monthsTo.equals(monthsFrom)) {
            return readDays(dimension, first, last, leftOut);
        }
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> totals = monthsFrom.plusMonths(RUNNING_TOTAL_FROM).isAfter(monthsTo) ? null : totals(dimension, monthsFrom, monthsTo);
        // (a short run, or no running totals yet: the months' rows as stored)
        rows.addAll(totals != null ? totals : monthRows(dimension, monthsFrom, monthsTo));
        if (first.isBefore(monthsFrom)) {
            rows.addAll(readDays(dimension, first, monthsFrom, leftOut));
        }
        if (monthsTo.isBefore(last)) {
            rows.addAll(readDays(dimension, monthsTo, last, leftOut));
        }
        return rows;
    }

    /**
     * The rows of the whole months [from, to) as stored, in the rows of {@link #read} (a group, channel and bucket once
     * a month; the reader adds them up): no GROUP BY, which on H2 cost more than the read (8,700 rows per service in a
     * month at 3,000,000 contacts, each sum a NUMERIC). Used for runs shorter than {@link #RUNNING_TOTAL_FROM}, and for
     * longer ones only until the pass after V46 has built the running totals.
     */
    private List<Object[]> monthRows(ContactFigures.Dimension dimension, LocalDate from, LocalDate to) {
        return once(List.of("months", dimension, from, to), () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> stored = entities.createNativeQuery("SELECT group_key, channel, bucket, contacts, first_contact, handle_seconds"
                            + " FROM kpi_contact_month WHERE dimension = :dimension AND on_month >= :first AND on_month < :last")
                    .setParameter("dimension", dimension.name()).setParameter("first", Date.valueOf(from))
                    .setParameter("last", Date.valueOf(to)).getResultList();
            return java.util.Collections.unmodifiableList(stored);
        });
    }

    /**
     * The whole months [from, to) from the running totals, in the rows of {@link #read} (the total at the month before
     * {@code to}, and the total at the month before {@code from} with its sums negative; a group, channel and bucket
     * with no contacts in the months adds up to zero); null when there are no totals yet.
     */
    private List<Object[]> totals(ContactFigures.Dimension dimension, LocalDate from, LocalDate to) {
        // the totals' last month, along their key (a month after it has the same total); the ORDER BY names the key's
        // first column, fixed by the WHERE: only then does H2 read the key backwards and stop at the first row, where
        // otherwise it reads all the dimension's rows (114,000 per service at 3,000,000 contacts)
        LocalDate kept = once(List.of("totals", dimension), () -> {
            List<?> months = entities.createNativeQuery("SELECT on_month FROM kpi_contact_total WHERE dimension = :dimension"
                            + " ORDER BY dimension DESC, on_month DESC")
                    .setParameter("dimension", dimension.name()).setMaxResults(1).getResultList();
            return months.isEmpty() ? null : day(months.get(0));
        });
        if (kept == null) {
            return null;
        }
        LocalDate upper = to.minusMonths(1).isAfter(kept) ? kept : to.minusMonths(1);
        LocalDate lower = from.minusMonths(1).isAfter(kept) ? kept : from.minusMonths(1);
        if (!lower.isBefore(upper)) {
            return List.of();
        }
        // (a month before the first total has no rows: nothing to take off)
        // both months in one statement: the same pass's totals on any isolation level; each month along the key
        // (H2 reads all the dimension's rows for on_month IN (…), 114,000 per service where the two months have 15,000)
        String columns = "SELECT on_month, group_key, channel, bucket, contacts, first_contact, handle_seconds FROM kpi_contact_total"
                + " WHERE dimension = :dimension AND on_month = ";
        List<Object[]> rows = once(List.of("total", dimension, upper, lower), () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> stored = entities.createNativeQuery(columns + ":upper UNION ALL " + columns + ":lower")
                    .setParameter("dimension", dimension.name()).setParameter("upper", Date.valueOf(upper))
                    .setParameter("lower", Date.valueOf(lower)).getResultList();
            return stored;
        });
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long sign = day(r[0]).equals(upper) ? 1 : -1;
            out.add(new Object[] {r[1], r[2], r[3], sign * ((Number) r[4]).longValue(), sign * ((Number) r[5]).longValue(),
                    sign * ((Number) r[6]).longValue()});
        }
        return out;
    }

    /**
     * The stored month rows of the months starting in [first, last) but those left out (each by its first day): rows of
     * the month's first day, key, channel, bucket, then the sums.
     */
    List<Object[]> readMonths(ContactFigures.Dimension dimension, LocalDate first, LocalDate last, Collection<LocalDate> leftOut) {
        return sum("on_month, group_key, channel, bucket, SUM(contacts), SUM(first_contact), SUM(handle_seconds)", "kpi_contact_month",
                "dimension = :dimension AND on_month >= :first AND on_month < :last", "on_month", "on_month, group_key, channel, bucket",
                java.util.Map.of("dimension", dimension.name(), "first", first, "last", last), leftOut, null);
    }

    /** The stored day rows of [first, last) but the days left out. */
    private List<Object[]> readDays(ContactFigures.Dimension dimension, LocalDate first, LocalDate last, Collection<LocalDate> leftOut) {
        return sum("group_key, channel, bucket, SUM(contacts), SUM(first_contact), SUM(handle_seconds)", "kpi_contact_day",
                "dimension = :dimension AND on_day >= :first AND on_day < :last", "on_day", "group_key, channel, bucket",
                java.util.Map.of("dimension", dimension.name(), "first", first, "last", last), leftOut, null);
    }
}
