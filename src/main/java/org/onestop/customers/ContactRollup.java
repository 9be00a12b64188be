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
        // then the months of those days, before the watermark moves (until it has, readers take those months from the days)
        for (LocalDate month : new TreeSet<>(days.stream().map(d -> d.withDayOfMonth(1)).toList())) {
            transactions.executeWithoutResult(tx -> rebuildMonth(month));
        }
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
        rows.addAll(sum("group_key, channel, bucket, SUM(contacts), SUM(first_contact), SUM(handle_seconds)", "kpi_contact_month",
                "dimension = :dimension AND on_month >= :first AND on_month < :last", "on_month", "group_key, channel, bucket",
                java.util.Map.of("dimension", dimension.name(), "first", monthsFrom, "last", monthsTo), List.of(), null));
        if (first.isBefore(monthsFrom)) {
            rows.addAll(readDays(dimension, first, monthsFrom, leftOut));
        }
        if (monthsTo.isBefore(last)) {
            rows.addAll(readDays(dimension, monthsTo, last, leftOut));
        }
        return rows;
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
