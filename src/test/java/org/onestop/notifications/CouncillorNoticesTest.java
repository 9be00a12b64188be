package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.ServiceRequests;
import org.springframework.beans.factory.annotation.Autowired;

/** A councillor inquiry copies the ward's councillor on every milestone, once each, through the outbox. */
class CouncillorNoticesTest extends IntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    ServiceRequests requests;

    private Map<String, Object> open(String agent, String service, Map<String, Object> answers) {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", service, "channel", "council",
                "address", "Mountain Brow Blvd", "latitude", 43.2200, "longitude", -79.9000, "answers", answers));
        return postJson(as(agent), "/api/cases", request).getBody();
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest));
    }

    @Test
    void theWardCouncillorIsCopiedOnEveryMilestoneOfACouncillorInquiry() {
        String agent = user("it-council", "council-office");
        String transportation = user("it-transportation", "transportation");
        Map<String, Object> created = open(agent, "councillor-inquiry", Map.of("councillor", "Councillor Priya Natarajan",
                "topic", "roads-traffic", "inquiry", "Drivers speed past the school crossing every morning.", "residentConsent", true));
        String reference = (String) created.get("reference");
        assertThat(created).containsEntry("ward", "Ward 3 - Escarpment").containsEntry("department", "transportation");

        complete(transportation, onlyDepartmentTask(reference), Map.of("findings", "Speed study booked", "needsSiteVisit", false));
        complete(transportation, onlyDepartmentTask(reference), Map.of("resolutionNote", "A speed study is booked; a radar sign goes up next week."));
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");

        Long caseId = requests.findByReference(reference).orElseThrow().getId();
        List<Notification> notices = outbox.forCase(caseId);
        assertThat(notices).extracting(Notification::getRecipient).containsOnly("ward3@council.lakeport.example");
        assertThat(notices).extracting(Notification::getSubject).containsExactly(
                reference + " · Councillor inquiry: submitted",
                reference + " · Councillor inquiry: acknowledged",
                reference + " · Councillor inquiry: in progress",
                reference + " · Councillor inquiry: resolved",
                reference + " · Councillor inquiry: closed");
        assertThat(notices).extracting(Notification::getCaseEventId).doesNotHaveDuplicates();
        assertThat(notices).allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.PENDING));
        assertThat(notices.get(0).getBody()).startsWith("Dear Councillor Priya Natarajan,").contains("Expected by");
        assertThat(notices.get(3).getBody()).contains("a radar sign goes up next week");
    }

    @Test
    void otherServicesDoNotCopyTheCouncillor() {
        String agent = user("it-agent", "contact-centre");
        Map<String, Object> pothole = open(agent, "pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        Long caseId = requests.findByReference((String) pothole.get("reference")).orElseThrow().getId();
        assertThat(outbox.forCase(caseId)).isEmpty();
    }
}
