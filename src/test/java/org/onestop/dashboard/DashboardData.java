package org.onestop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Cases for the public figures' tests, made through the real intake ({@code POST /api/cases} by an agent) and the
 * potholes' real tasks (by Roads staff through {@code /engine-rest}), at the moments the test sets on the engine
 * clock. Ward 1 and Ward 2 are points in the demo wards; every case has a named customer and a description, which the
 * public figures must never show.
 */
public final class DashboardData {

    public static final String CUSTOMER = "Dana Figures-Resident";
    public static final String PHONE = "905-555-0199";
    public static final String DESCRIPTION = "Reported for the public figures";
    public static final double[] WARD_1 = {43.27, -79.90};
    public static final double[] WARD_2 = {43.27, -79.80};
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final TestRestTemplate agent;
    private final TestRestTemplate roads;
    private final String roadsUser;
    private final TaskService tasks;

    public DashboardData(TestRestTemplate agent, TestRestTemplate roads, String roadsUser, TaskService tasks) {
        this.agent = agent;
        this.roads = roads;
        this.roadsUser = roadsUser;
        this.tasks = tasks;
    }

    public static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/Toronto")).toInstant()));
    }

    /** An urgent pothole (acknowledge within 2 hours, resolve within a day, calendar time) at the point. */
    public Map<String, Object> pothole(double[] point) {
        return open(Map.of("serviceCode", "pothole", "answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")), point);
    }

    /** A private noise complaint at the point. */
    public Map<String, Object> noiseComplaint(double[] point) {
        return open(Map.of("serviceCode", "noise-complaint",
                "answers", Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", false)), point);
    }

    private Map<String, Object> open(Map<String, Object> service, double[] point) {
        Map<String, Object> request = new HashMap<>(service);
        request.put("channel", "phone");
        request.put("description", DESCRIPTION);
        request.put("latitude", point[0]);
        request.put("longitude", point[1]);
        request.put("customer", Map.of("name", CUSTOMER, "phone", PHONE));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> response = agent.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(request, headers), JSON);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** The pothole's inspection, crew scheduling and repair, now: it is resolved at the clock's moment. */
    public void resolvePothole(String reference) {
        complete(reference, Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Deep"));
        complete(reference, Map.of("crew", "east-yard", "plannedDate", "2038-06-10"));
        complete(reference, Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled."));
    }

    private void complete(String reference, Map<String, Object> variables) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
                .filter(t -> !t.getProcessDefinitionId().startsWith("CaseLifecycleProcess:")).toList();
        assertThat(open).as("the department task of %s", reference).hasSize(1);
        Task task = open.get(0);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (task.getAssignee() == null) {
            roads.exchange("/engine-rest/task/" + task.getId() + "/claim", HttpMethod.POST,
                    new HttpEntity<>(Map.of("userId", roadsUser), headers), String.class);
        }
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        assertThat(roads.exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", rest), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
