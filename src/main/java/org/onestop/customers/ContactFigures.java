package org.onestop.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log in figures, for the KPIs: per group, the contacts and how many were resolved on first contact, and
 * the distribution of handle times per channel (counted in the database), so that averages, percentiles and shares
 * within a target come without reading a contact. Handle times are in buckets ({@link #bucket}: ten seconds up to 10
 * minutes, a minute up to an hour, a quarter of an hour beyond), each named by its upper bound and carrying the exact
 * sum of its seconds: averages are exact, a share within a target of whole ten seconds (minutes past 10 minutes) is
 * exact, and a percentile is the upper bound of its bucket. Whole days in the city's time zone come from the rollup
 * ({@code kpi_contact_day}) but for the days of contacts logged since its last pass, counted from the log. Nothing here
 * names a caller, an agent or a case.
 */
@Service
public class ContactFigures {

    /** What contacts are grouped by; {@link #NONE}: one group, {@code "all"}. */
    public enum Dimension {
        NONE("'all'"), CHANNEL("c.channel"), SERVICE("c.serviceCode");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }
    }

    /**
     * {@code count} contacts of the group on the channel took up to {@code handleSeconds} (their bucket's upper bound),
     * {@code totalSeconds} in all; {@code resolvedOnFirstContact} of them were.
     */
    public record HandleTimes(String key, String channel, int handleSeconds, long count, long resolvedOnFirstContact, long totalSeconds) {

        /** Contacts that all took exactly {@code handleSeconds}. */
        public HandleTimes(String key, String channel, int handleSeconds, long count, long resolvedOnFirstContact) {
            this(key, channel, handleSeconds, count, resolvedOnFirstContact, (long) handleSeconds * count);
        }
    }

    /** More days with contacts logged since the rollup's last pass than this: the period is counted from the log. */
    static final int MAX_CHANGED_DAYS = 31;

    private final EntityManager entities;
    private final ContactRollup rollup;
    private final ZoneId zone;

    ContactFigures(EntityManager entities, ContactRollup rollup) {
        this.entities = entities;
        this.rollup = rollup;
        this.zone = rollup.zone();
    }

    /** The contacts that ended in [from, to), grouped, by channel and handle-time bucket. */
    @Transactional(readOnly = true)
    public List<HandleTimes> handleTimes(Instant from, Instant to, Dimension by) {
        Long mark = rollup.watermark();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        boolean wholeDays = first.atStartOfDay(zone).toInstant().equals(from) && last.atStartOfDay(zone).toInstant().equals(to);
        SortedSet<LocalDate> changed = mark == null || !wholeDays ? null : rollup.changedDays(mark - ContactRollup.OVERLAP, from, to);
        if (changed == null || changed.size() > MAX_CHANGED_DAYS) {
            return bucketed(exact(entities, by, from, to));
        }
        List<HandleTimes> rows = new ArrayList<>();
        for (Object[] r : rollup.read(by == Dimension.NONE ? Dimension.CHANNEL : by, first, last, changed)) {
            String key = by == Dimension.NONE ? "all" : "".equals(r[0]) ? "(none)" : r[0].toString();
            rows.add(new HandleTimes(key, (String) r[1], ((Number) r[2]).intValue(), count(r[3]), count(r[4]), count(r[5])));
        }
        for (LocalDate day : changed) {
            rows.addAll(exact(entities, by, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return bucketed(rows);
    }

    /**
     * As {@link #handleTimes} by channel, for each calendar month from {@code first} to {@code last} (a month without
     * contacts is left out): the scorecards' trends. Whole months come from the monthly rollup in one grouped query;
     * a month with contacts logged since its last pass is counted as {@link #handleTimes} counts it.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, List<HandleTimes>> handleTimesByMonth(YearMonth first, YearMonth last) {
        Map<YearMonth, List<HandleTimes>> series = new java.util.TreeMap<>();
        Long mark = rollup.watermark();
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        SortedSet<LocalDate> changed = mark == null ? null : rollup.changedDays(mark - ContactRollup.OVERLAP, from, to);
        java.util.Set<YearMonth> stale = new java.util.TreeSet<>();
        if (changed == null) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                stale.add(m);
            }
        } else {
            changed.forEach(day -> stale.add(YearMonth.from(day)));
            Map<YearMonth, List<HandleTimes>> rows = new java.util.TreeMap<>();
            for (Object[] r : rollup.readMonths(Dimension.CHANNEL, first.atDay(1), last.plusMonths(1).atDay(1),
                    stale.stream().map(m -> m.atDay(1)).toList())) {
                YearMonth month = YearMonth.from(r[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) r[0]);
                rows.computeIfAbsent(month, k -> new ArrayList<>()).add(new HandleTimes("".equals(r[1]) ? "(none)" : r[1].toString(),
                        (String) r[2], ((Number) r[3]).intValue(), count(r[4]), count(r[5]), count(r[6])));
            }
            rows.forEach((month, monthRows) -> series.put(month, bucketed(monthRows)));
        }
        for (YearMonth m : stale) {
            List<HandleTimes> rows = handleTimes(m.atDay(1).atStartOfDay(zone).toInstant(), m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                    Dimension.CHANNEL);
            if (!rows.isEmpty()) {
                series.put(m, rows);
            }
        }
        return series;
    }

    /** Brings the rollup up to date now (what the job does every {@code onestop.kpis.rollup.every}); -1: another node is at it. */
    public int refreshRollup() {
        return rollup.catchUp();
    }

    /** Forgets the rollup: the figures come from the log until the next pass rebuilds it. */
    public void dropRollup() {
        rollup.drop();
    }

    /** The upper bound of a handle time's bucket. */
    static int bucket(int seconds) {
        int width = seconds <= 600 ? 10 : seconds <= 3600 ? 60 : 900;
        return Math.max(0, (seconds + width - 1) / width * width);
    }

    /** The contacts that ended in [from, to), grouped, by channel and exact handle time. */
    static List<HandleTimes> exact(EntityManager entities, Dimension by, Instant from, Instant to) {
        String key = by.expression;
        List<Object[]> rows = entities.createQuery("select " + key + ", c.channel, c.handleSeconds, count(c), "
                        + "sum(case when c.firstContactResolution = true then 1 else 0 end) from Contact c "
                        + "where c.endedAt >= :from and c.endedAt < :to "
                        + "group by " + (by == Dimension.NONE ? "" : key + ", ") + "c.channel, c.handleSeconds", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new HandleTimes(r[0] == null ? "(none)" : r[0].toString(), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue(), count(r[4]))).toList();
    }

    /** The rows merged per group, channel and bucket. */
    static List<HandleTimes> bucketed(List<HandleTimes> rows) {
        Map<List<Object>, long[]> merged = new java.util.LinkedHashMap<>();
        for (HandleTimes h : rows) {
            List<Object> key = List.of(h.key(), h.channel() == null ? "" : h.channel(), bucket(h.handleSeconds()));
            long[] sums = merged.computeIfAbsent(key, k -> new long[3]);
            sums[0] += h.count();
            sums[1] += h.resolvedOnFirstContact();
            sums[2] += h.totalSeconds();
        }
        List<HandleTimes> out = new ArrayList<>(merged.size());
        merged.forEach((k, v) -> {
            if (v[0] != 0) { // (a running total's group, channel and bucket with no contacts in the period)
                out.add(new HandleTimes((String) k.get(0), (String) k.get(1), (Integer) k.get(2), v[0], v[1], v[2]));
            }
        });
        return out;
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
