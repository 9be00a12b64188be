package org.onestop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * "10,000 timers due at once all fire within 60 s with 0 incidents." The job executor runs as application.yaml
 * configures it (the test profile's "off" is overridden here; its own engine name beside the shared context's).
 * N instances of a one-timer process are started while the timer's job definition is suspended (their jobs are
 * created suspended, due at once), then the job definition and its jobs are activated in one statement: from then on
 * the figures are the job executor's alone. Runs only with {@code ./mvnw -Pbench test -Dtest=TimerStormBenchmark}
 * ({@code -Dbench.profiles=test,mysql} for MariaDB/MySQL); size: {@code -Dbench.timers}.
 */
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.process-engine-name=timerstorm"})
class TimerStormBenchmark extends IntegrationTest {

    static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final String KEY = "bench-timer-storm";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    @Test
    void tenThousandTimersDueAtOnceAllFireWithinSixtySecondsWithoutIncidents() throws Exception {
        ClockUtil.reset(); // the job executor works on the real clock
        repositoryService.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn",
                Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("Timer").timerWithDate("${due}").endEvent().done())
                .deploy();
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult();
        managementService.updateJobDefinitionSuspensionState().byProcessDefinitionId(definition.getId()).suspend();

        long s0 = System.nanoTime();
        Date due = new Date();
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> started = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int share = TIMERS / 4 + (t < TIMERS % 4 ? 1 : 0);
                started.add(starters.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        runtimeService.startProcessInstanceById(definition.getId(), Map.of("due", due));
                    }
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            starters.shutdown();
        }
        double startSeconds = (System.nanoTime() - s0) / 1e9;
        assertThat(managementService.createJobQuery().processDefinitionId(definition.getId()).suspended().count())
                .as("every timer waits, suspended").isEqualTo(TIMERS);
        assertThat(managementService.createJobQuery().processDefinitionId(definition.getId()).active().count()).isZero();

        String loadBefore = loadAverage();
        Instant go = Instant.now();
        long t0 = System.nanoTime();
        managementService.updateJobDefinitionSuspensionState().byProcessDefinitionId(definition.getId())
                .includeJobs(true).activate();
        long remaining = TIMERS;
        while (remaining > 0 && System.nanoTime() - t0 < LIMIT.multipliedBy(2).toNanos()) {
            Thread.sleep(200);
            remaining = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
        }
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        String loadAfter = loadAverage();

        List<HistoricActivityInstance> first = historyService.createHistoricActivityInstanceQuery()
                .processDefinitionId(definition.getId()).activityId("Timer").finished()
                .orderByHistoricActivityInstanceEndTime().asc().listPage(0, 1);
        double firstSeconds = first.isEmpty() ? Double.NaN
                : Duration.between(go, first.get(0).getEndTime().toInstant()).toMillis() / 1000.0;
        long fired = TIMERS - remaining;
        long incidents = runtimeService.createIncidentQuery().processDefinitionId(definition.getId()).count();
        long failing = managementService.createJobQuery().processDefinitionId(definition.getId()).withException().count();

        String report = String.format(Locale.ROOT, """
                Timer storm: %,d timers due at once (%s), job executor as in application.yaml
                  started the instances in %.1f s
                  first timer fired after   %.2f s
                  all fired after           %.1f s (%,d of %,d fired)
                  throughput                %.0f jobs/s
                  incidents %d, jobs with an exception %d
                  load average before: %s; after: %s
                """, TIMERS, System.getProperty("bench.profiles", "test"), startSeconds, firstSeconds,
                allSeconds, fired, TIMERS, fired / allSeconds, incidents, failing, loadBefore, loadAfter);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/timer-storm.txt"), report);

        assertThat(remaining).as("timers still waiting").isZero();
        assertThat(Duration.ofMillis(Math.round(allSeconds * 1000))).isLessThanOrEqualTo(LIMIT);
        assertThat(incidents).isZero();
        assertThat(failing).isZero();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
