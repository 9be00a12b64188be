package org.onestop.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.onestop.cases.CaseService;
import org.onestop.departments.Departments;
import org.onestop.notifications.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The gauges that need the database: open and overdue cases by department, the outbox by channel (pending, failed, the
 * oldest pending one's age), the engine's job backlog, jobs out of retries and open incidents. Counted every
 * {@code onestop.metrics.refresh-every} by a few grouped queries (the engine's through its public query API); a scrape
 * only reads the last counts, so it costs the database nothing and neither fails nor waits while the database is out of
 * reach. Then the counts that could not be refreshed keep their last value and
 * {@code onestop.metrics.snapshot.age} grows; the oldest pending notice's age is worked out at each scrape from when
 * it was written, so it keeps growing too.
 * <p>
 * Every node counts the same database: aggregate these across nodes with {@code max}, not {@code sum}.
 */
@Component
class MetricsSnapshot implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MetricsSnapshot.class);

    private final CaseService cases;
    private final Outbox outbox;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Departments departments;
    private final Clock clock;
    private final Duration refreshEvery;

    private final MultiGauge openCases;
    private final MultiGauge overdueCases;
    private final MultiGauge noticesPending;
    private final MultiGauge noticesFailed;
    private final MultiGauge oldestPendingAge;

    /** Last counts, by label value; a label seen once stays (at 0 when nothing is counted for it any more). */
    private final Map<String, Long> open = new LinkedHashMap<>();
    private final Map<String, Long> overdue = new LinkedHashMap<>();
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private final Map<String, Long> failed = new LinkedHashMap<>();
    private final Map<String, Instant> oldestPendingSince = new LinkedHashMap<>();
    private volatile long jobBacklog;
    private volatile long failedJobs;
    private volatile long openIncidents;
    private volatile long refreshedAtNanos = System.nanoTime();
    private final AtomicBoolean failing = new AtomicBoolean();

    MetricsSnapshot(CaseService cases, Outbox outbox, ManagementService management, RuntimeService runtime,
                    Departments departments, Clock clock, MeterRegistry registry, MetricsProperties settings) {
        this.cases = cases;
        this.outbox = outbox;
        this.management = management;
        this.runtime = runtime;
        this.departments = departments;
        this.clock = clock;
        this.refreshEvery = settings.refreshEvery();
        this.openCases = MultiGauge.builder("onestop.cases.open")
                .description("Open cases by the department that holds them (unrouted: not routed yet)").register(registry);
        this.overdueCases = MultiGauge.builder("onestop.cases.overdue")
                .description("Open cases past their resolve-by date, by department").register(registry);
        this.noticesPending = MultiGauge.builder("onestop.notices.pending")
                .description("Notices in the outbox not delivered yet (new, being sent or to retry), by channel").register(registry);
        this.noticesFailed = MultiGauge.builder("onestop.notices.failed")
                .description("Notices given up after their last attempt, by channel").register(registry);
        this.oldestPendingAge = MultiGauge.builder("onestop.notices.oldest.pending.age").baseUnit("seconds")
                .description("How long the oldest notice not delivered yet has waited, by channel (0: none waits)").register(registry);
        Gauge.builder("onestop.jobs.backlog", this, s -> s.jobBacklog)
                .description("Engine jobs due and executable that no job executor has taken yet").register(registry);
        Gauge.builder("onestop.jobs.failed", this, s -> s.failedJobs)
                .description("Engine jobs with no retries left (each has an incident)").register(registry);
        Gauge.builder("onestop.incidents.open", this, s -> s.openIncidents)
                .description("Open incidents in the engine").register(registry);
        Gauge.builder("onestop.metrics.snapshot.age", this, s -> s.age().toMillis() / 1000.0).baseUnit("seconds")
                .description("Time since the gauges that need the database were last refreshed in full").register(registry);
        for (Departments.Department department : departments.departments()) {
            open.put(department.id(), 0L);
            overdue.put(department.id(), 0L);
        }
    }

    /** Every {@code onestop.metrics.refresh-every}, the first at once. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, refreshEvery, Duration.ZERO));
    }

    /** Counts again; what cannot be counted now (the database out of reach) keeps its last value. */
    synchronized void refresh() {
        List<String> failures = new ArrayList<>();
        attempt("cases", failures, this::countCases);
        attempt("outbox", failures, this::countOutbox);
        attempt("engine", failures, this::countEngine);
        publish();
        if (failures.isEmpty()) {
            refreshedAtNanos = System.nanoTime();
            if (failing.getAndSet(false)) {
                log.info("Metrics snapshot refreshed again");
            }
        } else if (!failing.getAndSet(true)) {
            log.warn("Metrics snapshot not refreshed ({}); the gauges keep their last values until it is", String.join("; ", failures));
        }
    }

    /** How old the last full refresh is. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - refreshedAtNanos);
    }

    private static void attempt(String what, List<String> failures, Runnable count) {
        try {
            count.run();
        } catch (RuntimeException e) {
            failures.add(what + ": " + e.getClass().getSimpleName());
        }
    }

    private void countCases() {
        List<CaseService.DepartmentWorkload> workload = cases.workload();
        open.replaceAll((department, count) -> 0L);
        overdue.replaceAll((department, count) -> 0L);
        for (CaseService.DepartmentWorkload row : workload) {
            String department = row.department() == null ? "unrouted" : row.department();
            open.put(department, row.open());
            overdue.put(department, row.overdue());
        }
    }

    private void countOutbox() {
        List<Outbox.Backlog> backlog = outbox.backlog();
        pending.replaceAll((channel, count) -> 0L);
        failed.replaceAll((channel, count) -> 0L);
        oldestPendingSince.replaceAll((channel, since) -> null);
        for (Outbox.Backlog row : backlog) {
            pending.put(row.channel(), row.pending());
            failed.put(row.channel(), row.failed());
            oldestPendingSince.put(row.channel(), row.oldestPendingSince());
        }
    }

    private void countEngine() {
        long executable = management.createJobQuery().executable().active().count();
        long taken = management.createJobQuery().executable().active().acquired().count();
        long noRetries = management.createJobQuery().noRetriesLeft().count();
        long incidents = runtime.createIncidentQuery().count();
        jobBacklog = Math.max(0, executable - taken);
        failedJobs = noRetries;
        openIncidents = incidents;
    }

    private void publish() {
        openCases.register(rows("department", open), true);
        overdueCases.register(rows("department", overdue), true);
        noticesPending.register(rows("channel", pending), true);
        noticesFailed.register(rows("channel", failed), true);
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        oldestPendingSince.forEach((channel, from) ->
                // Worked out at each scrape from when the notice was written: it keeps growing while the snapshot cannot refresh.
                ages.add(MultiGauge.Row.of(Tags.of("channel", channel),
                        () -> from == null ? 0.0 : Math.max(0, Duration.between(from, clock.instant()).toMillis() / 1000.0))));
        oldestPendingAge.register(ages, true);
    }

    private static List<MultiGauge.Row<?>> rows(String label, Map<String, Long> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((value, count) -> rows.add(MultiGauge.Row.of(Tags.of(label, value), count)));
        return rows;
    }
}
