package org.onestop.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Outside office hours urgent work goes to the person on standby from the roster; the rest waits for the morning. */
class AfterHoursOnCallTest extends IntegrationTest {

    static Instant toronto(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("America/Toronto")).toInstant();
    }

    private Map<String, Object> pothole(String agent, boolean hazard) {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone", "address", "Main St at King St",
                "answers", Map.of("hazard", hazard, "size", "large", "locationOnRoad", "driving-lane")));
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    @Test
    void anUrgentRequestAt2amOnASundayGoesToThePersonOnStandby() {
        String agent = user("it-agent", "contact-centre");
        String supervisor = user("it-roads-supervisor", "roads-supervisors");
        String standby = user("it-roads-standby", "roads");
        ResponseEntity<Map<String, Object>> shift = postJson(as(supervisor), "/api/on-call",
                Map.of("department", "roads", "userId", standby, "startsOn", "2026-11-23", "endsOn", "2026-11-29"));
        assertThat(shift.getStatusCode()).as("%s", shift.getBody()).isEqualTo(HttpStatus.CREATED);

        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-29T02:00")));
        Map<String, Object> urgent = pothole(agent, true);
        String reference = (String) urgent.get("reference");

        assertThat(urgent).containsEntry("department", "roads").containsEntry("priority", "urgent");
        assertThat(Instant.parse((String) urgent.get("acknowledgeBy"))).as("2 hours, any time").isEqualTo(toronto("2026-11-29T04:00"));
        Task task = onlyDepartmentTask(reference);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("roads-oncall");
        assertThat(task.getAssignee()).isEqualTo(standby);
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).as("not acknowledged until someone takes it on")
                .containsEntry("status", "submitted");
        List<Map<String, Object>> mine = as(standby).exchange("/engine-rest/task?assignee=" + standby + "&maxResults=10",
                HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(mine).extracting(t -> t.get("id")).contains(task.getId());
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody().get("timeline").toString())
                .contains("Outside office hours: sent to Roads on call, " + standby);
    }

    @Test
    void aNormalRequestAtNightWaitsForTheDepartmentAndItsClockStartsNextBusinessDay() {
        String agent = user("it-agent", "contact-centre");
        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-29T02:00")));
        Map<String, Object> normal = pothole(agent, false);
        Task task = onlyDepartmentTask((String) normal.get("reference"));
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("roads").doesNotContain("roads-oncall");
        assertThat(task.getAssignee()).isNull();
        // High priority (large): 4 business days counted from Monday, the day its clock starts.
        assertThat(Instant.parse((String) normal.get("resolveBy"))).isEqualTo(toronto("2026-12-04T16:30"));
    }

    @Test
    void onlyTheDepartmentsSupervisorsKeepItsRoster() {
        String roads = user("it-roads", "roads");
        String wasteSupervisor = user("it-waste-supervisor", "waste-supervisors");
        Map<String, Object> body = Map.of("department", "roads", "userId", roads, "startsOn", "2026-12-01", "endsOn", "2026-12-07");
        assertThat(postJson(as(roads), "/api/on-call", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson(as(wasteSupervisor), "/api/on-call", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String supervisor = user("it-roads-supervisor", "roads-supervisors");
        assertThat(postJson(as(supervisor), "/api/on-call", Map.of("department", "roads", "userId", "nobody-at-all",
                "startsOn", "2026-12-07", "endsOn", "2026-12-01")).getBody().toString()).contains("userId", "endsOn");
        ResponseEntity<Map<String, Object>> added = postJson(as(supervisor), "/api/on-call", body);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as(roads).exchange("/api/on-call?department=roads", HttpMethod.GET, null, JSON_LIST).getBody())
                .extracting(s -> s.get("userId")).contains(roads);
        Object id = added.getBody().get("id");
        assertThat(as(roads).exchange("/api/on-call/" + id, HttpMethod.DELETE, null, JSON_OBJECT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(supervisor).exchange("/api/on-call/" + id, HttpMethod.DELETE, null, JSON_OBJECT).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anEmergencyWaterRequestAt2amOnASundayGoesOnCallWithATwoHourDueTime() {
        String agent = user("it-agent", "contact-centre");
        String supervisor = user("it-water-supervisor", "water-supervisors");
        String standby = user("it-water-standby", "water");
        postJson(as(supervisor), "/api/on-call", Map.of("department", "water", "userId", standby,
                "startsOn", "2026-11-23", "endsOn", "2026-11-29"));

        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-29T02:00")));
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "water-sewer", "channel", "phone",
                "address", "41 Elm St, Lakeport", "answers", Map.of("problemType", "sewer-backup", "neighboursAffected", false)));
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> emergency = created.getBody();

        assertThat(emergency).containsEntry("department", "water").containsEntry("priority", "emergency");
        assertThat(Instant.parse((String) emergency.get("acknowledgeBy"))).as("a crew within 2 hours").isEqualTo(toronto("2026-11-29T04:00"));
        Task task = onlyDepartmentTask((String) emergency.get("reference"));
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("water-oncall");
        assertThat(task.getAssignee()).isEqualTo(standby);
    }
}
