package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Intake to closure through the real interfaces: a contact-centre agent opens a case through {@code /api}, the DMN
 * tables route it, the department works its tasks through {@code /engine-rest} as itself, and the case closes.
 */
class CaseIntakeToClosureTest extends IntegrationTest {

    private String agent;

    @BeforeEach
    void users() {
        agent = user("it-agent", "contact-centre");
        user("it-roads", "roads");
        user("it-waste", "waste");
        user("it-bylaw", "bylaw");
    }

    static Stream<Arguments> services() {
        return Stream.of(
                // service, answers, department, priority, the department's task completions in order
                Arguments.of("pothole", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"),
                        "roads", "urgent", List.of(
                                Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "40 cm wide, 10 cm deep"),
                                Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                                Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled with hot-mix asphalt."))),
                Arguments.of("missed-collection", Map.of("stream", "organics", "collectionDate", "2026-11-20", "setOutOnTime", true),
                        "waste", "high", List.of(
                                Map.of("missedByCity", true, "verificationNotes", "Truck skipped the street"),
                                Map.of("collectedOn", "2026-11-23", "resolutionNote", "Green bin collected."))),
                Arguments.of("noise-complaint", Map.of("noiseSource", "barking-dog", "ongoing", false, "recurring", true),
                        "bylaw", "low", List.of(
                                Map.of("nextStep", "information-letter", "reviewNotes", "First complaint about this address",
                                        "resolutionNote", "We sent the owner a letter about the noise bylaw."),
                                Map.of("letterSentOn", "2026-11-23", "resolutionNote", "Letter sent to the dog's owner."))));
    }

    @ParameterizedTest(name = "{0} is routed to {2} with {3} priority and closes when its tasks are done")
    @MethodSource("services")
    void caseRunsFromIntakeToClosure(String service, Map<String, Object> answers, String department, String priority,
                                     List<Map<String, Object>> completions) {
        String staff = "it-" + department;
        Map<String, Object> created = open(service, answers);
        String reference = (String) created.get("reference");

        assertThat(reference).matches("SR-\\d{4}-\\d{6}");
        assertThat(created).containsEntry("department", department).containsEntry("priority", priority)
                .containsEntry("status", "submitted");
        Instant acknowledgeBy = Instant.parse((String) created.get("acknowledgeBy"));
        Instant resolveBy = Instant.parse((String) created.get("resolveBy"));
        assertThat(acknowledgeBy).isAfter(Instant.parse((String) created.get("createdAt")));
        assertThat(resolveBy).isAfterOrEqualTo(acknowledgeBy);

        // The department's Tasklist shows it: a task for the department's group, readable by its staff.
        Task first = onlyDepartmentTask(reference);
        assertThat(taskService.getIdentityLinksForTask(first.getId())).extracting(IdentityLink::getGroupId).contains(department);
        // Tasklist sorts it by the case's priority and shows the case's due date.
        assertThat(first.getPriority()).isEqualTo(CaseLifecycle.taskPriority(priority));
        assertThat(first.getDueDate().toInstant()).isEqualTo(resolveBy);
        String lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();
        assertThat(first.getFollowUpDate()).as("follow up when the department is reminded")
                .isEqualTo((java.util.Date) runtimeService.getVariable(lifecycle, "remindAt")).isBefore(first.getDueDate());
        // The service's process gets the case's ids, where the work goes and the answers; none of the lifecycle's own.
        List<String> handedOver = new java.util.ArrayList<>(answers.keySet());
        handedOver.addAll(List.of("caseId", "reference", "departmentGroup", "onCallUser", "escalationGroup"));
        assertThat(runtimeService.getVariables(first.getProcessInstanceId())).containsOnlyKeys(handedOver)
                .containsEntry("departmentGroup", department).containsEntry("reference", reference).containsAllEntriesOf(answers);
        List<Map<String, Object>> visible = as(staff).exchange("/engine-rest/task?processInstanceBusinessKey=" + reference
                + "&maxResults=10", org.springframework.http.HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(visible).extracting(t -> t.get("id")).containsExactly(first.getId());

        for (Map<String, Object> variables : completions) {
            Task task = onlyDepartmentTask(reference);
            assertThat(postJson(as(staff), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", staff))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(postJson(as(staff), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", restVariables(variables)))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        Map<String, Object> closed = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(closed).containsEntry("status", "closed").containsEntry("open311Status", "closed");
        assertThat(closed.get("resolution")).isEqualTo(completions.get(completions.size() - 1).get("resolutionNote"));
        assertThat(closed.get("resolvedAt")).isNotNull();
        assertThat(closed.get("closedAt")).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(timelineTypes(closed)).containsSubsequence("submitted", "routed", "acknowledged", "task_completed",
                "status_changed", "resolved", "closed");
        assertThat(timelineStatuses(closed)).containsSubsequence("submitted", "acknowledged", "in_progress", "resolved", "closed");
    }

    @Test
    void aPotholeOnARegionalRoadIsReferredAndClosed() {
        String reference = (String) open("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")).get("reference");
        Task inspect = onlyDepartmentTask(reference);
        postJson(as("it-roads"), "/engine-rest/task/" + inspect.getId() + "/claim", Map.of("userId", "it-roads"));
        postJson(as("it-roads"), "/engine-rest/task/" + inspect.getId() + "/complete", Map.of("variables", restVariables(Map.of(
                "roadAuthority", "region", "repairNeeded", false,
                "resolutionNote", "Regional Road 20 is maintained by the Region; we passed your report to them."))));

        Map<String, Object> referred = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(referred).containsEntry("status", "referred").containsEntry("open311Status", "closed")
                .containsEntry("resolution", "Regional Road 20 is maintained by the Region; we passed your report to them.");
        assertThat(timelineTypes(referred)).endsWith("referred");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    }

    @Test
    void aNoiseComplaintWaitsForTheCustomerAndResumes() {
        String reference = (String) open("noise-complaint", Map.of("noiseSource", "other", "ongoing", false, "recurring", false)).get("reference");
        Task review = onlyDepartmentTask(reference);
        postJson(as("it-bylaw"), "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "it-bylaw"));
        postJson(as("it-bylaw"), "/engine-rest/task/" + review.getId() + "/complete", Map.of("variables", restVariables(Map.of(
                "nextStep", "need-more-information", "informationNeeded", "The address the noise comes from"))));
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "waiting_for_customer");

        Task contact = onlyDepartmentTask(reference);
        assertThat(contact.getTaskDefinitionKey()).isEqualTo("Task_ContactComplainant");
        postJson(as("it-bylaw"), "/engine-rest/task/" + contact.getId() + "/claim", Map.of("userId", "it-bylaw"));
        postJson(as("it-bylaw"), "/engine-rest/task/" + contact.getId() + "/complete", Map.of("variables",
                restVariables(Map.of("informationReceived", "It comes from 12 Elm St, a workshop."))));
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "in_progress");
        assertThat(onlyDepartmentTask(reference).getTaskDefinitionKey()).isEqualTo("Task_ReviewNoiseComplaint");
    }

    @Test
    void anOpenCaseCanBeCancelledWhichEndsItsProcess() {
        String reference = (String) open("pothole", Map.of("hazard", false, "size", "medium", "locationOnRoad", "shoulder")).get("reference");
        // Cancelling is for the supervisors of the department that holds the case; an agent may not.
        assertThat(postJson(as(agent), "/api/cases/" + reference + "/cancel", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String supervisor = user("it-roads-supervisor", "roads-supervisors");
        ResponseEntity<Map<String, Object>> cancelled = postJson(as(supervisor), "/api/cases/" + reference + "/cancel",
                Map.of("reason", "Resident called back: it was already fixed."));
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody()).containsEntry("status", "cancelled");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(postJson(as(supervisor), "/api/cases/" + reference + "/cancel", Map.of("reason", "again")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void notesGoOnTheTimelineWithTheirVisibility() {
        String reference = (String) open("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")).get("reference");
        ResponseEntity<Map<String, Object>> note = postJson(as(agent), "/api/cases/" + reference + "/notes",
                Map.of("text", "Resident called to ask for an update.", "visibility", "public"));
        assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        postJson(as(agent), "/api/cases/" + reference + "/notes", Map.of("text", "Caller was upset."));

        Map<String, Object> read = getJson(as(agent), "/api/cases/" + reference).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) read.get("timeline");
        assertThat(timeline).filteredOn(e -> "note".equals(e.get("type")))
                .extracting(e -> e.get("message") + "/" + e.get("visibility") + "/" + e.get("actor"))
                .containsExactly("Resident called to ask for an update./public/it-agent", "Caller was upset./internal/it-agent");
    }

    @Test
    void theCustomerIsFoundAgainByPhoneWhateverItsFormatting() {
        String email = "it-" + System.nanoTime() + "@example.org";
        Map<String, Object> first = open("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"),
                Map.of("name", "Pat Caller", "phone", "(905) 555-7788", "email", email));
        Map<String, Object> second = open("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"),
                Map.of("name", "Pat Caller", "phone", "905 555 7788", "email", email));
        assertThat(customerId(second)).isEqualTo(customerId(first));

        Map<String, Object> list = getJson(as(agent), "/api/cases?customer=" + customerId(first)).getBody();
        assertThat(list.get("total")).isEqualTo(2);
    }

    @Test
    void theListFiltersByServiceDepartmentStatusAndWard() {
        Map<String, Object> request = new HashMap<>(baseRequest("missed-collection",
                Map.of("stream", "bulky-item", "collectionDate", "2026-11-20", "setOutOnTime", true)));
        request.put("latitude", 43.2200);
        request.put("longitude", -79.7900);
        Map<String, Object> created = postJson(as(agent), "/api/cases", request).getBody();
        assertThat(created).containsEntry("ward", "Ward 4 - Meadowvale").containsEntry("priority", "low");

        Map<String, Object> list = getJson(as(agent), "/api/cases?service=missed-collection&department=waste&status=submitted"
                + "&ward=Ward 4 - Meadowvale&size=200").getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) list.get("cases");
        assertThat(cases).extracting(c -> c.get("reference")).contains(created.get("reference"));
        assertThat(cases).allSatisfy(c -> assertThat(c).containsEntry("serviceCode", "missed-collection")
                .containsEntry("department", "waste").containsEntry("status", "submitted").containsEntry("ward", "Ward 4 - Meadowvale"));
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> open(String service, Map<String, Object> answers) {
        return open(service, answers, Map.of("name", "Jamie Resident", "phone", "905-555-0199"));
    }

    private Map<String, Object> open(String service, Map<String, Object> answers, Map<String, Object> customer) {
        Map<String, Object> request = new HashMap<>(baseRequest(service, answers));
        request.put("customer", customer);
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + response.getBody().get("reference"));
        return response.getBody();
    }

    static Map<String, Object> baseRequest(String service, Map<String, Object> answers) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", service);
        request.put("channel", "phone");
        request.put("description", "Reported by a caller");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", answers);
        return request;
    }

    private static Map<String, Object> restVariables(Map<String, Object> variables) {
        Map<String, Object> rest = new LinkedHashMap<>();
        variables.forEach((name, value) -> rest.put(name, Map.of("value", value)));
        return rest;
    }

    @SuppressWarnings("unchecked")
    private static List<String> timelineTypes(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().map(e -> (String) e.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> timelineStatuses(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().map(e -> (String) e.get("status")).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static Object customerId(Map<String, Object> view) {
        return ((Map<String, Object>) view.get("customer")).get("id");
    }
}
