package org.onestop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A client's mistakes get a 4xx, never a 500: on {@code /api} (an Accept we cannot produce, bad JSON, an unknown
 * value, a wrong method) and on {@code /engine-rest} (a task claimed twice, a gateway variable not given, answers a
 * task's Camunda Form refuses, by complete and by submit-form), and a refused completion changes nothing.
 */
class ClientErrorsTest extends IntegrationTest {

    private String agent;
    private String roads;

    @BeforeEach
    void users() {
        agent = user("ce-agent", "contact-centre");
        roads = user("ce-roads", "roads");
        user("ce-roads-2", "roads");
    }

    @Test
    void anAcceptWeCannotProduceIs406() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> response = as(agent).exchange("/api/cases?page=0", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void otherApiMistakesAre4xx() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(as(agent).exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{\"serviceCode\": ", json), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> request = new LinkedHashMap<>(pothole());
        request.put("channel", "carrier-pigeon");
        ResponseEntity<Map<String, Object>> unknownValue = postJson(as(agent), "/api/cases", request);
        assertThat(unknownValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownValue.getBody().get("detail").toString()).contains("channel");
        assertThat(as(agent).exchange("/api/cases", HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(getJson(as(agent), "/api/cases?page=99999999999").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void claimingATaskSomeoneElseHasClaimedIs409() {
        Task task = onlyDepartmentTask(open());
        assertThat(postJson(as(roads), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", roads))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> again = postJson(as("ce-roads-2"), "/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", "ce-roads-2"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("type", "TaskAlreadyClaimedException");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(roads);
    }

    @Test
    void inTasklistToo_aTaskClaimedTwiceIs409AndAFormTheTaskRefusesIs400() throws Exception {
        String reference = open();
        Task inspect = onlyDepartmentTask(reference);
        // As Tasklist calls it: the webapp's engine API, in the browser's session, with the webapp's CSRF token.
        org.onestop.testing.WebSession first = tasklist(roads);
        String firstToken = xsrf(first);
        assertThat(first.postJson(tasklistApi(inspect, "claim"), "{\"userId\":\"" + roads + "\"}", "X-XSRF-TOKEN", firstToken)
                .statusCode()).isEqualTo(204);
        org.onestop.testing.WebSession second = tasklist("ce-roads-2");
        java.net.http.HttpResponse<String> again = second.postJson(tasklistApi(inspect, "claim"), "{\"userId\":\"ce-roads-2\"}",
                "X-XSRF-TOKEN", xsrf(second));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("TaskAlreadyClaimedException");

        java.net.http.HttpResponse<String> refused = first.postJson(tasklistApi(inspect, "submit-form"),
                "{\"variables\":{\"roadAuthority\":{\"value\":\"the-moon\"}}}", "X-XSRF-TOKEN", firstToken);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("InvalidTaskFormException").contains("roadAuthority");
        assertThat(onlyDepartmentTask(reference).getId()).isEqualTo(inspect.getId());
    }

    private org.onestop.testing.WebSession tasklist(String user) throws Exception {
        org.onestop.testing.WebSession browser = new org.onestop.testing.WebSession(http.getRootUri());
        browser.login(user, PASSWORD);
        return browser;
    }

    private static String xsrf(org.onestop.testing.WebSession browser) throws Exception {
        return browser.get("/camunda/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }

    private static String tasklistApi(Task task, String action) {
        return "/camunda/api/engine/engine/default/task/" + task.getId() + "/" + action;
    }

    @Test
    void aGatewayVariableNotGivenIs400NamingIt() {
        String reference = open();
        Task inspect = claimed(reference);
        // The form asks for the road authority only; the repair gateway needs repairNeeded, which was left out.
        ResponseEntity<Map<String, Object>> response = complete(inspect, Map.of("roadAuthority", "city"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString()).contains("repairNeeded");
        assertThat(onlyDepartmentTask(reference).getId()).isEqualTo(inspect.getId());
    }

    @Test
    void answersTheTaskFormRefusesAre400NamingEachFieldAndChangeNothing() {
        String reference = open();
        assertThat(complete(claimed(reference), Map.of("roadAuthority", "city", "repairNeeded", true)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete(claimed(reference), Map.of("crew", "east-yard", "plannedDate", "2026-12-01")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task repair = claimed(reference);
        String status = (String) getJson(as(agent), "/api/cases/" + reference).getBody().get("status");
        long events = ((List<?>) getJson(as(agent), "/api/cases/" + reference).getBody().get("timeline")).size();

        for (String route : List.of("complete", "submit-form")) {
            ResponseEntity<Map<String, Object>> refused = postJson(as(roads), "/engine-rest/task/" + repair.getId() + "/" + route,
                    Map.of("variables", rest(Map.of("repairMethod", "duct-tape"))));
            assertThat(refused.getStatusCode()).as(route).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("type", "InvalidTaskFormException");
            assertThat(refused.getBody().get("message").toString())
                    .contains("repairMethod: must be one of cold-patch, hot-mix, full-depth")
                    .contains("resolutionNote: is required");
        }
        // Through the Java API too.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(repair.getId(), Map.of("repairMethod", "hot-mix")))
                .hasMessageContaining("resolutionNote: is required");

        assertThat(onlyDepartmentTask(reference).getId()).isEqualTo(repair.getId());
        assertThat(runtimeService.getVariable(repair.getProcessInstanceId(), "repairMethod")).isNull();
        Map<String, Object> unchanged = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(unchanged).containsEntry("status", status);
        assertThat((List<?>) unchanged.get("timeline")).hasSize((int) events);

        assertThat(complete(repair, Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");
    }

    private Task claimed(String reference) {
        Task task = onlyDepartmentTask(reference);
        if (task.getAssignee() == null) {
            assertThat(postJson(as(roads), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", roads))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        return task;
    }

    private ResponseEntity<Map<String, Object>> complete(Task task, Map<String, Object> variables) {
        return postJson(as(roads), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest(variables)));
    }

    private String open() {
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", pothole());
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("reference");
    }

    private static Map<String, Object> pothole() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("description", "Reported by a caller");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", false, "size", "medium", "locationOnRoad", "shoulder"));
        request.put("customer", Map.of("name", "Jamie Resident", "phone", "905-555-0199"));
        return request;
    }

    private static Map<String, Object> rest(Map<String, Object> variables) {
        Map<String, Object> rest = new LinkedHashMap<>();
        variables.forEach((name, value) -> rest.put(name, Map.of("value", value)));
        return rest;
    }
}
