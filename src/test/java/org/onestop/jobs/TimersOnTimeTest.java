package org.onestop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * "A due timer fires within 5 s of its due date on an idle system": the job executor as application.yaml configures
 * it (read from the file and built by the Camunda starter's own factory methods, so this tests the real settings), on
 * its own in-memory engine and the real clock. The shared test context cannot do it: it turns the job executor off
 * because tests move the engine clock. Building the engine takes an impl configuration class; nothing else here does.
 */
class TimersOnTimeTest {

    /** The timer is set after the node has been idle this long: Camunda's default back-off (5 s, then 10 s…) would
     * then be asleep until ~15 s after start, firing the timer ~9 s late; the configured 2 s at most must not. */
    static final Duration IDLE_FIRST = Duration.ofSeconds(4);
    static final Duration DUE_IN = Duration.ofSeconds(2);
    static final Duration ON_TIME = Duration.ofSeconds(5);

    static CamundaBpmProperties applicationYaml() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        CamundaBpmProperties properties = new CamundaBpmProperties();
        Binder.get(environment).bind("camunda.bpm.job-execution", Bindable.ofInstance(properties.getJobExecution()));
        return properties;
    }

    @Test
    void aDueTimerFiresWithinFiveSecondsOfItsDueDateOnAnIdleNode() throws Exception {
        CamundaBpmProperties properties = applicationYaml();
        assertThat(properties.getJobExecution().getMaxWait()).as("max-wait is configured").isNotNull();
        TaskExecutor threads = JobConfiguration.camundaTaskExecutor(properties);
        ((ThreadPoolTaskExecutor) threads).initialize();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("timers-on-time");
        configuration.setJdbcUrl("jdbc:h2:mem:timers-on-time;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutor(JobConfiguration.jobExecutor(threads, properties));
        configuration.setJobExecutorActivate(true);
        ClockUtil.reset();
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("timer.bpmn",
                    Bpmn.createExecutableProcess("timer").camundaHistoryTimeToLive(1)
                            .startEvent().intermediateCatchEvent("Timer").timerWithDate("${due}").endEvent().done())
                    .deploy();
            Thread.sleep(IDLE_FIRST.toMillis());

            Instant due = Instant.now().plus(DUE_IN);
            String instance = engine.getRuntimeService()
                    .startProcessInstanceByKey("timer", Map.of("due", Date.from(due))).getId();
            Instant deadline = due.plus(ON_TIME).plusSeconds(5);
            while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            HistoricActivityInstance timer = engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(instance).activityId("Timer").singleResult();
            assertThat(timer.getEndTime()).as("the timer fired").isNotNull();
            Duration late = Duration.between(due, timer.getEndTime().toInstant());
            System.out.println("TimersOnTimeTest: the timer fired " + late.toMillis() + " ms after its due date");
            assertThat(late).as("fired %s after its due date", late).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(ON_TIME);
        } finally {
            engine.close();
            ((ThreadPoolTaskExecutor) threads).shutdown();
        }
    }
}
