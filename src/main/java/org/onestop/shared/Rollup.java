package org.onestop.shared;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A KPI rollup's job: every {@code onestop.kpis.rollup.every} (when {@code onestop.kpis.rollup.scheduled}), the node
 * that takes the lease on its row of {@code kpi_rollup_state} runs a {@link #pass}; a failed pass is logged and the
 * next one tries again (readers count what the rollup lacks from the facts themselves).
 */
public abstract class Rollup implements SchedulingConfigurer {

    static final Duration LEASE = Duration.ofMinutes(15);
    /**
     * A reader asks what changed since the last pass once per read-only transaction, over every day, and keeps the
     * days (see {@link #once}); when more than this many facts changed (a bulk change the pass has not caught up with)
     * it asks again for each period instead, as it did before.
     */
    protected static final int CHANGED_READ_ONCE = 20_000;
    private static final Logger log = LoggerFactory.getLogger(Rollup.class);

    protected final EntityManager entities;
    protected final TransactionTemplate transactions;
    private final Clock clock;
    private final RollupProperties settings;
    private final int state;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    protected Rollup(int state, EntityManager entities, TransactionTemplate transactions, Clock clock, RollupProperties settings) {
        this.state = state;
        this.entities = entities;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.scheduled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::run, settings.every(), settings.every()));
        }
    }

    private void run() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("KPI rollup {} pass failed; the figures count what it lacks from the facts until the next one", state, e);
        }
    }

    /** One pass if this node gets the lease: returns how many days it rebuilt, or -1 when another node holds it. */
    public int catchUp() {
        Instant now = clock.instant();
        Integer leased = transactions.execute(tx -> entities.createNativeQuery("UPDATE kpi_rollup_state SET lease_until = :until, holder = :node "
                        + "WHERE id = :id AND (lease_until IS NULL OR lease_until < :now)")
                .setParameter("until", now.plus(LEASE)).setParameter("node", node).setParameter("id", state)
                .setParameter("now", now).executeUpdate());
        if (leased == null || leased != 1) {
            return -1;
        }
        try {
            return pass(now);
        } finally {
            transactions.executeWithoutResult(tx -> entities.createNativeQuery("UPDATE kpi_rollup_state SET lease_until = NULL WHERE id = :id")
                    .setParameter("id", state).executeUpdate());
        }
    }

    /**
     * Sums a rollup table's rows: {@code SELECT <select> FROM <table> WHERE <where> [AND <dayColumn> NOT IN the days left
     * out] [AND department IN the departments given] GROUP BY <groupBy>}, {@code where} with the named parameters given
     * (dates as {@link java.time.LocalDate}).
     */
    protected java.util.List<Object[]> sum(String select, String table, String where, String dayColumn, String groupBy,
                                           java.util.Map<String, Object> parameters, java.util.Collection<java.time.LocalDate> leftOut,
                                           java.util.Collection<String> departments) {
        java.util.List<Object> key = java.util.Arrays.asList("sum", select, table, where, dayColumn, groupBy,
                new java.util.TreeMap<>(parameters), new java.util.TreeSet<>(leftOut),
                departments == null ? null : new java.util.TreeSet<>(departments));
        return once(key, () -> java.util.Collections.unmodifiableList(query(select, table, where, dayColumn, groupBy, parameters, leftOut,
                departments)));
    }

    /**
     * What a reader asked of this rollup earlier in the same read-only transaction, else read now and kept until the
     * transaction ends: a page or an answer whose sections add up the same stored rows (the overall figures, per
     * department and per service all come from the per-service rows; every section asks what changed since the last
     * pass) reads them once. Outside a read-only transaction (a pass, a request that writes) nothing is kept. The value
     * is shared: callers must not change it.
     */
    @SuppressWarnings("unchecked")
    protected <T> T once(java.util.List<Object> key, java.util.function.Supplier<T> read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read.get();
        }
        java.util.Map<java.util.List<Object>, Object> kept = (java.util.Map<java.util.List<Object>, Object>) TransactionSynchronizationManager
                .getResource(this);
        if (kept == null) {
            java.util.Map<java.util.List<Object>, Object> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Rollup.this);
                }
            });
            kept = fresh;
        }
        if (kept.containsKey(key)) {
            return (T) kept.get(key);
        }
        T value = read.get();
        kept.put(key, value);
        return value;
    }

    private java.util.List<Object[]> query(String select, String table, String where, String dayColumn, String groupBy,
                                           java.util.Map<String, Object> parameters, java.util.Collection<java.time.LocalDate> leftOut,
                                           java.util.Collection<String> departments) {
        var query = entities.createNativeQuery("SELECT " + select + " FROM " + table + " WHERE " + where
                + (leftOut.isEmpty() ? "" : " AND " + dayColumn + " NOT IN (:leftOut)")
                + (departments == null ? "" : " AND department IN (:departments)")
                + " GROUP BY " + groupBy);
        parameters.forEach((name, value) -> query.setParameter(name,
                value instanceof java.time.LocalDate day ? java.sql.Date.valueOf(day) : value));
        if (!leftOut.isEmpty()) {
            query.setParameter("leftOut", leftOut.stream().map(java.sql.Date::valueOf).toList());
        }
        if (departments != null) {
            query.setParameter("departments", departments);
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = query.getResultList();
        return rows;
    }

    /** The calendar months wholly in [first, last) without a day left out (each by its first day). */
    protected static java.util.List<java.time.LocalDate> wholeMonths(java.time.LocalDate first, java.time.LocalDate last,
                                                                     java.util.Collection<java.time.LocalDate> leftOut) {
        java.util.List<java.time.LocalDate> months = new java.util.ArrayList<>();
        for (java.time.LocalDate m = first.withDayOfMonth(1); m.isBefore(last); m = m.plusMonths(1)) {
            java.time.LocalDate start = m;
            if (!m.isBefore(first) && !m.plusMonths(1).isAfter(last)
                    && leftOut.stream().noneMatch(d -> !d.isBefore(start) && d.isBefore(start.plusMonths(1)))) {
                months.add(m);
            }
        }
        return months;
    }

    /** The runs of days of [first, last) outside the given whole months (sorted), as [start, end) pairs. */
    protected static java.util.List<java.time.LocalDate[]> daysOutside(java.time.LocalDate first, java.time.LocalDate last,
                                                                       java.util.Collection<java.time.LocalDate> months) {
        java.util.List<java.time.LocalDate[]> runs = new java.util.ArrayList<>();
        java.time.LocalDate runStart = first;
        for (java.time.LocalDate m : months) {
            if (runStart.isBefore(m)) {
                runs.add(new java.time.LocalDate[] {runStart, m});
            }
            runStart = m.plusMonths(1);
        }
        if (runStart.isBefore(last)) {
            runs.add(new java.time.LocalDate[] {runStart, last});
        }
        return runs;
    }

    /** A date as a native query gives it (java.sql.Date on MySQL/MariaDB; H2 may give a LocalDate). */
    protected static java.time.LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : value instanceof java.time.LocalDate day ? day
                : java.time.LocalDate.parse(value.toString().substring(0, 10));
    }

    /** Rebuilds what changed since the last pass, and records how far it got; {@code now} is when the pass started. */
    protected abstract int pass(Instant now);
}
