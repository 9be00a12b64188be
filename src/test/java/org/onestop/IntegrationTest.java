package org.onestop;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Base of the Spring Boot integration tests: the whole application on a random port, against the test database
 * (in-memory H2, or MariaDB when CI adds the mysql profile). All such tests share one application context.
 * Tests make their own users and data, so they run in any order and against a database that already has data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final String PASSWORD = "test-password";
    protected static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() { };
    protected static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;

    /**
     * Tests run at a fixed moment in office hours (Tuesday 24 November 2026, 10:00 in the city), so that routing and
     * due dates do not depend on when the suite runs. A test may move the clock; it is put back after each test.
     */
    public static final Instant OFFICE_HOURS = LocalDateTime.parse("2026-11-24T10:00").atZone(ZoneId.of("America/Toronto")).toInstant();

    @BeforeEach
    void officeHours() {
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS));
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    /** A user in the given groups (created once), who logs in with {@link #PASSWORD}. */
    protected String user(String id, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Tester");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
        return id;
    }

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    protected ResponseEntity<Map<String, Object>> postJson(TestRestTemplate client, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON_OBJECT);
    }

    protected ResponseEntity<Map<String, Object>> getJson(TestRestTemplate client, String path) {
        return client.exchange(path, HttpMethod.GET, null, JSON_OBJECT);
    }

    /** The open department tasks of a case's service process (not the lifecycle's reviews by supervisors and heads). */
    protected List<Task> departmentTasks(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
                .filter(t -> !t.getProcessDefinitionId().startsWith("CaseLifecycleProcess:")).toList();
    }

    protected Task onlyDepartmentTask(String reference) {
        List<Task> tasks = departmentTasks(reference);
        if (tasks.size() != 1) {
            throw new AssertionError("expected one department task for " + reference + " but found " + tasks.size());
        }
        return tasks.get(0);
    }
}
