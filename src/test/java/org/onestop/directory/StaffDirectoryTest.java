package org.onestop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.oncall.OnCallRoster;
import org.onestop.oncall.OnCallShift;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The staff directory's API: search by department, service and person; on call now; e-mails by the access policy. */
class StaffDirectoryTest extends IntegrationTest {

    @Autowired
    OnCallRoster roster;
    @Autowired
    java.time.Clock clock;

    private List<Map<String, Object>> search(String user, String q) {
        ResponseEntity<List<Map<String, Object>>> answer = as(user).exchange("/api/directory?q=" + q, HttpMethod.GET, null, JSON_LIST);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    void findsByDepartmentServiceAndPersonWithWhoIsOnCallNow() {
        String agent = user("it-dir-agent", "contact-centre");
        String crew = user("it-dir-crew", "roads");
        String supervisor = member("it-dir-sup", "Samdir", "roads-supervisors", null);
        member("it-dir-rita", "Ritadir", "roads", "it-dir-rita@onestop.invalid");
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneId.of("America/Toronto")).toLocalDate();
        OnCallShift shift = roster.add("roads", crew, today, today, "test");
        try {
            List<Map<String, Object>> all = search(agent, "");
            assertThat(all).extracting(e -> e.get("id")).contains("roads", "waste", "water");

            List<Map<String, Object>> byService = search(agent, "pothole");
            assertThat(byService).extracting(e -> e.get("id")).contains("roads").doesNotContain("waste");
            Map<String, Object> roads = byService.stream().filter(e -> "roads".equals(e.get("id"))).findFirst().orElseThrow();
            assertThat(roads).containsEntry("phone", "905-555-0110").containsEntry("email", "roads@lakeport.example");
            assertThat(roads.get("services").toString()).contains("code=pothole");
            assertThat(roads.get("onCallNow").toString()).contains("userId=" + crew);
            assertThat(roads.get("members").toString()).contains("userId=" + crew, "STAFF", "userId=" + supervisor, "SUPERVISOR");

            assertThat(search(agent, "Ritadir")).extracting(e -> e.get("id")).containsExactly("roads");
            assertThat(search(agent, "voirie")).extracting(e -> e.get("id")).containsExactly("roads");
            assertThat(search(agent, "no-such-thing-anywhere")).isEmpty();
        } finally {
            roster.remove(shift.getId());
        }
    }

    @Test
    void membersEmailsOnlyForThoseThePolicyLets() {
        String agent = user("it-dir-agent", "contact-centre");
        String owner = user("it-dir-owner", "process-owners");
        member("it-dir-rita", "Ritadir", "roads", "it-dir-rita@onestop.invalid");
        assertThat(search(agent, "roads").toString()).contains("it-dir-rita@onestop.invalid");
        assertThat(search(owner, "roads").toString()).doesNotContain("it-dir-rita@onestop.invalid").contains("roads@lakeport.example");
    }

    @Test
    void aQueryTooLongIsA400AndMonitoringIsRefused() {
        String agent = user("it-dir-agent", "contact-centre");
        ResponseEntity<Map<String, Object>> tooLong = getJson(as(agent), "/api/directory?q=" + "x".repeat(201));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().get("errors").toString()).contains("field=q");
        String monitor = user("it-dir-monitor", "monitoring");
        assertThat(as(monitor).getForEntity("/api/directory", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/directory", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** A member of a department group with a first name and an e-mail of the test's own (the demo users are not always there). */
    private String member(String id, String firstName, String group, String email) {
        user(id, group);
        org.camunda.bpm.engine.identity.User member = identityService.createUserQuery().userId(id).singleResult();
        member.setFirstName(firstName);
        member.setEmail(email);
        identityService.saveUser(member);
        return id;
    }
}
