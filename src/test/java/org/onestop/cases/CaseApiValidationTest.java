package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a 400 naming the problem, and nothing is left behind: no case, no customer, no process. */
class CaseApiValidationTest extends IntegrationTest {

    @Autowired
    ServiceRequests requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;

    private String agent;
    private long casesBefore;
    private long customersBefore;
    private long processesBefore;

    @BeforeEach
    void countEverything() {
        agent = user("it-agent", "contact-centre");
        casesBefore = requests.count();
        customersBefore = customers();
        processesBefore = runtimeService.createProcessInstanceQuery().count();
    }

    private Map<String, Object> valid() {
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        request.put("customer", Map.of("name", "Validation Tester", "email", "validation-" + System.nanoTime() + "@example.org"));
        return request;
    }

    private void assertBadRequestNaming(ResponseEntity<Map<String, Object>> response, String... fields) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains((Object[]) fields);
        assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
        assertNothingLeftBehind();
    }

    private long customers() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM customer", Long.class);
    }

    private void assertNothingLeftBehind() {
        assertThat(requests.count()).isEqualTo(casesBefore);
        assertThat(customers()).isEqualTo(customersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    void missingService() {
        Map<String, Object> request = valid();
        request.remove("serviceCode");
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "serviceCode");
    }

    @Test
    void unknownServiceCode() {
        Map<String, Object> request = valid();
        request.put("serviceCode", "fix-my-roof");
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
        assertBadRequestNaming(response, "serviceCode");
        assertThat(response.getBody().get("detail").toString()).contains("fix-my-roof");
    }

    @Test
    void malformedJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> response = as(agent).exchange("/api/cases", HttpMethod.POST,
                new HttpEntity<>("{\"serviceCode\": \"pothole\", \"channel\": ", headers), JSON_OBJECT);
        assertBadRequestNaming(response, "body");
    }

    @Test
    void tenMegabyteDescription() {
        Map<String, Object> request = valid();
        request.put("description", "x".repeat(10 * 1024 * 1024));
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
        assertBadRequestNaming(response, "description");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        byte[] body = ("{\"serviceCode\":\"pothole\",\"answers\":{" + "\"a\":1,".repeat(400_000) + "\"b\":2}}").getBytes();
        ResponseEntity<Map<String, Object>> response = as(agent).exchange("/api/cases", HttpMethod.POST,
                new HttpEntity<>(body, headers), JSON_OBJECT);
        assertBadRequestNaming(response, "body");
        assertThat(response.getBody().get("detail").toString()).contains("larger than the limit");
    }

    @Test
    void descriptionJustOverItsLimit() {
        Map<String, Object> request = valid();
        request.put("description", "x".repeat(4001));
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "description");
    }

    @Test
    void coordinatesOutOfRange() {
        Map<String, Object> request = valid();
        request.put("latitude", 91.5);
        request.put("longitude", -200);
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "latitude", "longitude");
    }

    @Test
    void latitudeWithoutLongitude() {
        Map<String, Object> request = valid();
        request.remove("address");
        request.put("latitude", 43.25);
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "longitude");
    }

    @Test
    void noLocationForAServiceThatNeedsOne() {
        Map<String, Object> request = valid();
        request.remove("address");
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "address");
    }

    @Test
    void answersThatBreakTheServiceForm() {
        Map<String, Object> request = valid();
        request.put("answers", Map.of("hazard", "perhaps", "size", "enormous", "colour", "grey"));
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request),
                "answers.hazard", "answers.size", "answers.locationOnRoad", "answers.colour");
    }

    @Test
    void unknownChannelAndBadEmail() {
        Map<String, Object> request = valid();
        request.put("channel", "pigeon");
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "channel");
        request = valid();
        request.put("customer", Map.of("name", "No Email", "email", "not-an-address"));
        assertBadRequestNaming(postJson(as(agent), "/api/cases", request), "customer.email");
    }

    @Test
    void badListParameters() {
        assertThat(getJson(as(agent), "/api/cases?status=lost").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(getJson(as(agent), "/api/cases?size=100000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(getJson(as(agent), "/api/cases?overdue=maybe").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void unknownReferenceIsNotFound() {
        ResponseEntity<Map<String, Object>> response = getJson(as(agent), "/api/cases/SR-1999-000001");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("detail").toString()).contains("SR-1999-000001");
        assertThat(postJson(as(agent), "/api/cases/SR-1999-000001/notes", Map.of("text", "hello")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFailureInsideTheLifecycleRollsBackTheCaseAndCustomerToo() {
        // A service whose routing table does not exist: the case row and customer are written before the
        // process fails, and must roll back with it.
        String broken = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="http://onestop.org/test">
                  <process id="BrokenRoutingTestProcess" name="Broken routing (test)" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <extensionElements><camunda:properties>
                      <camunda:property name="serviceCode" value="it-broken-routing"/>
                      <camunda:property name="routingDecision" value="NoSuchDecision"/>
                      <camunda:property name="standardsDecision" value="GeneralInquiryStandards"/>
                      <camunda:property name="location" value="optional"/>
                    </camunda:properties></extensionElements>
                    <startEvent id="Start"/>
                    <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
                    <userTask id="Work" camunda:candidateGroups="roads"/>
                    <sequenceFlow id="F2" sourceRef="Work" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """;
        // The deploy refuses a service whose routing table does not exist: the table goes away after, as when the
        // deployment that held it is deleted.
        String routing = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_NoSuchDecision" name="Deleted routing (test)" namespace="http://onestop.org/test">
                  <decision id="NoSuchDecision" name="Deleted routing (test)" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_NoSuchDecision" hitPolicy="FIRST">
                      <input id="Input_Channel"><inputExpression id="InputExpression_Channel" typeRef="string"><text>channel</text></inputExpression></input>
                      <output id="Output_DepartmentGroup" name="departmentGroup" typeRef="string"/>
                      <output id="Output_Priority" name="priority" typeRef="string"/>
                      <rule id="Rule_All"><inputEntry id="InputEntry_All"><text></text></inputEntry>
                        <outputEntry id="OutputEntry_Roads"><text>"roads"</text></outputEntry>
                        <outputEntry id="OutputEntry_Normal"><text>"normal"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        String table = repositoryService.createDeployment().addString("no-such-decision.dmn", routing).deploy().getId();
        String deployment = repositoryService.createDeployment().addString("broken-routing.bpmn", broken).deploy().getId();
        repositoryService.deleteDeployment(table, true);
        try {
            Map<String, Object> request = valid();
            request.put("serviceCode", "it-broken-routing");
            request.put("answers", Map.of());
            ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(response.getBody().get("detail").toString()).contains("nothing was saved");
            assertNothingLeftBehind();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }
}
