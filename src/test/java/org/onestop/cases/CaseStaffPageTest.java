package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The department's case page: its open tasks linked to Tasklist, notes, and (for the department's supervisors) sending
 * it to another department.
 */
class CaseStaffPageTest extends IntegrationTest {

    @Autowired
    CaseService cases;

    private String open() {
        user("sp-agent", "contact-centre");
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        return (String) postJson(as("sp-agent"), "/api/cases", request).getBody().get("reference");
    }

    private FormSession roads() throws Exception {
        user("sp-roads", "roads");
        return FormSession.loggedIn(http.getRootUri(), "sp-roads", PASSWORD);
    }

    private FormSession supervisor(String department) throws Exception {
        String id = user("sp-" + department + "-supervisor", department + "-supervisors");
        return FormSession.loggedIn(http.getRootUri(), id, PASSWORD);
    }

    @Test
    void showsTheOpenTasksWithALinkToEachInTasklist() throws Exception {
        String reference = open();
        Task inspect = onlyDepartmentTask(reference);
        HttpResponse<String> page = roads().get("/cases/" + reference);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Open tasks", "Inspect pothole", "/camunda/app/tasklist/default/#/?task=" + inspect.getId(),
                "not claimed").doesNotContain("Send to another department");
        assertThat(supervisor("roads").get("/cases/" + reference).body()).contains("Send to another department");
        // Staff may not send it on: the form is not there, and a post is refused.
        assertThat(roads().post("/cases/" + reference + "/transfer", "department", "water", "reason", "Not ours").statusCode())
                .isEqualTo(403);
    }

    @Test
    void staffAddInternalAndPublicNotesAndAnEmptyNoteIsRefusedBesideTheField() throws Exception {
        String reference = open();
        FormSession roads = roads();
        HttpResponse<String> empty = roads.post("/cases/" + reference + "/notes", "text", "", "visibility", "public");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"note-text-error\"", "is required", "value=\"public\" checked");

        assertThat(roads.post("/cases/" + reference + "/notes", "text", "Crew booked for Thursday", "visibility", "internal").statusCode()).isEqualTo(302);
        HttpResponse<String> saved = roads.post("/cases/" + reference + "/notes", "text", "We will fill it this week", "visibility", "public");
        assertThat(FormSession.location(saved)).isEqualTo("/cases/" + reference + "?done=note");
        Map<String, Object> view = getJson(as("sp-agent"), "/api/cases/" + reference).getBody();
        assertThat(view.get("timeline").toString())
                .contains("visibility=internal, actor=sp-roads, status=submitted, message=Crew booked for Thursday")
                .contains("visibility=public, actor=sp-roads, status=submitted, message=We will fill it this week");
    }

    @Test
    void staffSendTheCaseToAnotherDepartmentWithAReason() throws Exception {
        String reference = open();
        Task inspect = onlyDepartmentTask(reference);
        FormSession roads = supervisor("roads");

        HttpResponse<String> invalid = roads.post("/cases/" + reference + "/transfer", "department", "", "reason", "");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"transfer-department-error\"", "choose the department",
                "id=\"transfer-reason-error\"", "is required: why does the case belong there?");

        HttpResponse<String> unknown = roads.post("/cases/" + reference + "/transfer", "department", "space-agency", "reason", "Not ours");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not one of the city&#39;s departments", "Not ours");

        HttpResponse<String> sent = roads.post("/cases/" + reference + "/transfer", "department", "water", "reason", "Sunken pavement over a water main");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(cases.get(reference).getDepartment()).isEqualTo("water");
        assertThat(taskService.getIdentityLinksForTask(inspect.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("water"));
        assertThat(roads.get(FormSession.location(sent)).body()).contains("went to the other department",
                "Passed from Roads to Water and wastewater: Sunken pavement over a water main");

        // Already with Water: refused beside the department (for Water's supervisors; Roads' may no longer move it).
        assertThat(roads.post("/cases/" + reference + "/transfer", "department", "waste", "reason", "x").statusCode()).isEqualTo(403);
        HttpResponse<String> again = supervisor("water").post("/cases/" + reference + "/transfer", "department", "water", "reason", "Again");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("id=\"transfer-department-error\"", "the case is already with Water and wastewater");
    }
}
