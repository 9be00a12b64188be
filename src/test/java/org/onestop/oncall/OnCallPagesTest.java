package org.onestop.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.departments.Departments;
import org.onestop.testing.WebSession;
import org.onestop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The on-call roster page: a supervisor lists, adds and removes their departments' shifts; nobody else may. */
class OnCallPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    OnCallRoster roster;
    @Autowired
    OnCallPages pages;
    @Autowired
    Departments departments;

    private WebSession loggedIn(String user) throws Exception {
        WebSession session = new WebSession("http://localhost:" + port);
        assertThat(session.login(user, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return session;
    }

    private static HttpResponse<String> add(WebSession session, String department, String userId, String startsOn, String endsOn) throws Exception {
        String token = WebSession.csrf(session.get("/on-call").body());
        return session.post("/on-call", Map.of("_csrf", token, "department", department, "userId", userId,
                "startsOn", startsOn, "endsOn", endsOn));
    }

    private OnCallShift shiftOf(String department, String userId) {
        return roster.upcoming(department).stream().filter(s -> s.getUserId().equals(userId)).findFirst()
                .orElseThrow(() -> new AssertionError("no shift of " + userId + " for " + department));
    }

    @Test
    void aSupervisorSeesTheirDepartmentAddsAShiftAndRemovesIt() throws Exception {
        String supervisor = user("it-oncall-forestry-sup", "forestry-supervisors");
        String forester = user("it-oncall-forester", "forestry");
        WebSession session = loggedIn(supervisor);

        HttpResponse<String> page = session.get("/on-call");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>On-call roster</h1>", "Forestry", "href=\"/on-call\">On-call roster</a>")
                .as("only the departments they supervise").doesNotContain("value=\"roads\"", "id=\"dept-roads\"")
                .as("the department's members are offered").contains("<option value=\"it-oncall-forester\">");

        HttpResponse<String> added = add(session, "forestry", forester, "2026-11-24", "2026-11-30");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/on-call"));
        OnCallShift shift = shiftOf("forestry", forester);
        assertThat(shift.getCreatedBy()).isEqualTo(supervisor);
        assertThat(roster.onCall("forestry", OFFICE_HOURS)).contains(forester);

        String after = session.get("/on-call").body();
        assertThat(after).contains("Added: it-oncall-forester is on call for Forestry from 2026-11-24 to 2026-11-30.");
        assertThat(after.replaceAll("\\s+", " ")).contains("id=\"now-forestry\"> <strong>On call now:</strong> <span>it-oncall-forester</span>")
                .contains("<tr id=\"shift-" + shift.getId() + "\"> <td>it-oncall-forester</td>")
                .contains("Tue 24 Nov 2026", "Mon 30 Nov 2026", "<td>it-oncall-forestry-sup</td>");

        String token = WebSession.csrf(after);
        HttpResponse<String> removed = session.post("/on-call/" + shift.getId() + "/remove", Map.of("_csrf", token));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThatThrownBy(() -> roster.get(shift.getId())).isInstanceOf(NotFoundException.class);
        String afterRemoval = session.get("/on-call").body();
        assertThat(afterRemoval).contains("Removed the shift of it-oncall-forester for Forestry from 2026-11-24 to 2026-11-30.")
                .doesNotContain("id=\"shift-" + shift.getId() + "\"");
    }

    @Test
    void badInputIsShownBesideEachFieldWithTheTypedValuesKept() throws Exception {
        String supervisor = user("it-oncall-bylaw-sup", "bylaw-supervisors");
        WebSession session = loggedIn(supervisor);
        int before = roster.upcoming("bylaw").size();

        HttpResponse<String> wrong = add(session, "bylaw", "nobody-at-all", "2026-12-07", "2026-12-01");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The shift was not added", "User id is not a OneStop user.",
                        "Ends on must not be before the start date.")
                .contains("value=\"nobody-at-all\"", "value=\"2026-12-07\"", "value=\"2026-12-01\"", "<option value=\"bylaw\" selected=\"selected\">")
                .containsPattern("id=\"userId\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"userId-error userId-hint\"")
                .containsPattern("id=\"endsOn\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"endsOn-error\"")
                .containsPattern("id=\"startsOn\"[^>]*aria-invalid=\"false\"");

        HttpResponse<String> missing = add(session, "bylaw", "  ", "tomorrow", "");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Enter the user id of the person on call.",
                "Enter the start date as year-month-day, for example 2026-12-01.", "Enter the end date.", "value=\"tomorrow\"");

        HttpResponse<String> tooLong = add(session, "bylaw", supervisor, "2026-12-01", "2027-01-15");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Ends on a shift is at most 31 days");
        HttpResponse<String> escaped = add(session, "bylaw", "<script>x</script>", "2026-12-01", "2026-12-02");
        assertThat(escaped.body()).contains("value=\"&lt;script&gt;x&lt;/script&gt;\"").doesNotContain("<script>x");
        assertThat(roster.upcoming("bylaw")).as("nothing added").hasSize(before);
    }

    @Test
    void onlySupervisorsOfTheDepartmentKeepItsRoster() throws Exception {
        String forestrySupervisor = user("it-oncall-forestry-sup", "forestry-supervisors");
        String forester = user("it-oncall-forester", "forestry");
        String wasteSupervisor = user("it-oncall-waste-sup", "waste-supervisors");

        WebSession staff = loggedIn(forester);
        HttpResponse<String> refused = staff.get("/on-call");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1>Not allowed</h1>", "you supervise no department").doesNotContain("Add shift");
        assertThat(staff.get("/staff").body()).as("no link for them").doesNotContain("On-call roster");

        WebSession forestry = loggedIn(forestrySupervisor);
        assertThat(add(forestry, "forestry", forester, "2026-12-14", "2026-12-20").statusCode()).isEqualTo(302);
        OnCallShift shift = shiftOf("forestry", forester);

        WebSession waste = loggedIn(wasteSupervisor);
        String page = waste.get("/on-call").body();
        assertThat(page).contains("id=\"dept-waste\"").doesNotContain("id=\"dept-forestry\"", "id=\"shift-" + shift.getId() + "\"");
        HttpResponse<String> foreignAdd = waste.post("/on-call", Map.of("_csrf", WebSession.csrf(page), "department", "forestry",
                "userId", forester, "startsOn", "2026-12-21", "endsOn", "2026-12-27"));
        assertThat(foreignAdd.statusCode()).isEqualTo(403);
        assertThat(foreignAdd.body()).contains("<h1>Not allowed</h1>", "Only the supervisors of Forestry keep its on-call roster.");
        HttpResponse<String> foreignRemove = waste.post("/on-call/" + shift.getId() + "/remove", Map.of("_csrf", WebSession.csrf(page)));
        assertThat(foreignRemove.statusCode()).isEqualTo(403);
        assertThat(roster.get(shift.getId()).getUserId()).as("still there").isEqualTo(forester);
        assertThat(waste.post("/on-call/999999999/remove", Map.of("_csrf", WebSession.csrf(page))).statusCode()).isEqualTo(404);
        assertThat(waste.post("/on-call/" + shift.getId() + "/remove", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(roster.get(shift.getId())).isNotNull();

        assertThat(forestry.post("/on-call/" + shift.getId() + "/remove", Map.of("_csrf", WebSession.csrf(forestry.get("/on-call").body())))
                .statusCode()).isEqualTo(302);
    }

    @Test
    void administratorsKeepEveryDepartmentsRoster() throws Exception {
        String admin = user("it-oncall-admin", "camunda-admin");
        String page = loggedIn(admin).get("/on-call").body();
        for (Departments.Department d : departments.departments()) {
            assertThat(page).contains("id=\"dept-" + d.id() + "\"", "<option value=\"" + d.id() + "\"");
        }
    }

    @Test
    void theNavLinkIsForSupervisorsAndAdministratorsOnly() {
        assertThat(pages.maySee(null)).isFalse();
        assertThat(pages.maySee(auth("GROUP_roads", "GROUP_contact-centre"))).isFalse();
        assertThat(pages.maySee(auth("GROUP_nowhere-supervisors"))).as("not a configured department").isFalse();
        assertThat(pages.maySee(auth("GROUP_water-supervisors"))).isTrue();
        assertThat(pages.maySee(auth("GROUP_camunda-admin"))).isTrue();
    }

    private static UsernamePasswordAuthenticationToken auth(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null, AuthorityUtils.createAuthorityList(authorities));
    }
}
