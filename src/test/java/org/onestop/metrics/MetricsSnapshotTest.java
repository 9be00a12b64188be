package org.onestop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.onestop.cases.CaseService;
import org.onestop.departments.Departments;
import org.onestop.notifications.Outbox;
import org.springframework.dao.DataAccessResourceFailureException;

/** The snapshot behind the gauges: a scrape reads the last counts, which outlive a database that is out of reach. */
class MetricsSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    private final CaseService cases = mock(CaseService.class);
    private final Outbox outbox = mock(Outbox.class);
    private final ManagementService management = mock(ManagementService.class, RETURNS_DEEP_STUBS);
    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MetricsSnapshot snapshot = new MetricsSnapshot(cases, outbox, management, runtime,
            new Departments(List.of(new Departments.Department("roads", "Roads"), new Departments.Department("waste", "Waste"))),
            Clock.fixed(NOW, ZoneOffset.UTC), registry, new MetricsProperties(Duration.ofSeconds(30)));

    @Test
    void theGaugesShowTheLastCountsAndKeepThemWhileTheDatabaseIsOutOfReach() {
        when(cases.workload()).thenReturn(List.of(new CaseService.DepartmentWorkload("roads", 7, 2),
                new CaseService.DepartmentWorkload(null, 1, 0)));
        when(outbox.backlog()).thenReturn(List.of(new Outbox.Backlog("email", 3, 1, NOW.minus(Duration.ofMinutes(10)))));
        when(management.createJobQuery().executable().active().count()).thenReturn(5L);
        when(management.createJobQuery().executable().active().acquired().count()).thenReturn(2L);
        when(management.createJobQuery().noRetriesLeft().count()).thenReturn(1L);
        when(runtime.createIncidentQuery().count()).thenReturn(4L);
        snapshot.refresh();

        assertThat(gauge("onestop.cases.open", "department", "roads")).isEqualTo(7);
        assertThat(gauge("onestop.cases.overdue", "department", "roads")).isEqualTo(2);
        assertThat(gauge("onestop.cases.open", "department", "waste")).as("a configured department with no case").isZero();
        assertThat(gauge("onestop.cases.open", "department", "unrouted")).isEqualTo(1);
        assertThat(gauge("onestop.notices.pending", "channel", "email")).isEqualTo(3);
        assertThat(gauge("onestop.notices.failed", "channel", "email")).isEqualTo(1);
        assertThat(gauge("onestop.notices.oldest.pending.age", "channel", "email")).isEqualTo(600);
        assertThat(registry.get("onestop.jobs.backlog").gauge().value()).isEqualTo(3);
        assertThat(registry.get("onestop.jobs.failed").gauge().value()).isEqualTo(1);
        assertThat(registry.get("onestop.incidents.open").gauge().value()).isEqualTo(4);
        assertThat(registry.get("onestop.metrics.snapshot.age").gauge().value()).isLessThan(5);

        // The database goes away: the refresh fails quickly, the scrape still answers with the last counts.
        when(cases.workload()).thenThrow(new DataAccessResourceFailureException("connection refused"));
        when(outbox.backlog()).thenThrow(new DataAccessResourceFailureException("connection refused"));
        when(management.createJobQuery()).thenThrow(new ProcessEngineException("connection refused"));
        snapshot.refresh();

        assertThat(gauge("onestop.cases.open", "department", "roads")).isEqualTo(7);
        assertThat(gauge("onestop.notices.pending", "channel", "email")).isEqualTo(3);
        assertThat(registry.get("onestop.jobs.backlog").gauge().value()).isEqualTo(3);
        assertThat(registry.get("onestop.incidents.open").gauge().value()).isEqualTo(4);
    }

    @Test
    void aDepartmentWithNoOpenCaseLeftIsShownAtZero() {
        when(cases.workload()).thenReturn(List.of(new CaseService.DepartmentWorkload("forestry", 2, 1)));
        snapshot.refresh();
        when(cases.workload()).thenReturn(List.of());
        snapshot.refresh();
        assertThat(gauge("onestop.cases.open", "department", "forestry")).isZero();
        assertThat(gauge("onestop.cases.overdue", "department", "forestry")).isZero();
    }

    @Test
    void theSnapshotAgeGrowsUntilARefreshSucceeds() throws Exception {
        when(cases.workload()).thenThrow(new DataAccessResourceFailureException("connection refused"));
        snapshot.refresh();
        double age = registry.get("onestop.metrics.snapshot.age").gauge().value();
        Thread.sleep(50);
        snapshot.refresh();
        assertThat(registry.get("onestop.metrics.snapshot.age").gauge().value()).isGreaterThan(age);
    }

    private double gauge(String name, String label, String value) {
        return registry.get(name).tag(label, value).gauge().value();
    }
}
