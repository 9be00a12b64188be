package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.customers.Contact;
import org.onestop.customers.ContactOutcome;
import org.onestop.customers.Contacts;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;

/** A resident calls back: find the case, tell them its status, take a note, record the call, reopen when not fixed. */
class ConsoleCasePagesTest extends IntegrationTest {

    @Autowired
    CaseService cases;
    @Autowired
    Contacts contacts;
    @Autowired
    CustomerService customers;

    private FormSession agent() throws Exception {
        user("cb-agent", "contact-centre");
        return FormSession.loggedIn(http.getRootUri(), "cb-agent", PASSWORD);
    }

    private String open() {
        user("cb-agent", "contact-centre");
        Map<String, Object> body = postJson(as("cb-agent"), "/api/cases", Map.of("serviceCode", "pothole", "channel", "phone",
                "description", "Hole <i>by</i> the bus stop", "address", "455 Queen St S, Lakeport",
                "customer", Map.of("name", "Callback Resident", "phone", "905-555-0190"),
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "driving-lane"))).getBody();
        return (String) body.get("reference");
    }

    private String closed() {
        String reference = open();
        for (Map<String, Object> variables : List.<Map<String, Object>>of(
                Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "20 cm wide"),
                Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.of("repairMethod", "cold-patch", "resolutionNote", "Patched."))) {
            Task task = onlyDepartmentTask(reference);
            taskService.complete(task.getId(), variables);
        }
        assertThat(cases.get(reference).getStatus().code()).isEqualTo("closed");
        return reference;
    }

    @Test
    void theAgentFindsACaseByItsReferenceAndAnUnknownOneIsAFriendlyMessage() throws Exception {
        FormSession agent = agent();
        String reference = open();
        assertThat(agent.get("/console/cases").body()).contains("<label for=\"reference\">Reference number</label>");

        HttpResponse<String> found = agent.get("/console/cases?reference=" + reference.toLowerCase() + "&customer=7");
        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(FormSession.location(found)).isEqualTo("/console/cases/" + reference + "?customer=7");

        HttpResponse<String> unknown = agent.get("/console/cases?reference=SR-1999-000404");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"reference-error\"", "No case has the reference &#39;SR-1999-000404&#39;",
                "value=\"SR-1999-000404\"").doesNotContain("Exception");
        assertThat(agent.get("/console/cases/SR-1999-000404").statusCode()).isEqualTo(404);
        assertThat(agent.get("/console/cases/" + "X".repeat(500)).statusCode()).isEqualTo(404);
        assertThat(agent.get("/console/cases?reference=").statusCode()).isEqualTo(400);
    }

    @Test
    void theStatusPageShowsWhereTheCaseStandsWithInternalNotesMarked() throws Exception {
        FormSession agent = agent();
        String reference = open();
        cases.addNote(reference, "Crew says next week", org.onestop.cases.Visibility.INTERNAL, "roads-user");
        HttpResponse<String> page = agent.get("/console/cases/" + reference);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(reference, "Pothole or road defect", "Roads", "Callback Resident", "455 Queen St S",
                "Hole &lt;i&gt;by&lt;/i&gt; the bus stop", "Crew says next week", "internal, not for the resident",
                "Tuesday 8 December 2026", "nobody else")
                .doesNotContain("Not fixed?");
    }

    @Test
    void aNoteNeedsTextAndAVisibilityAndIsLoggedAsACaseUpdate() throws Exception {
        FormSession agent = agent();
        String reference = open();
        long caller = customers.findOrCreate(new CustomerDetails("Callback Resident", "905-555-0190", null, null, null)).getId();
        String started = OFFICE_HOURS.minusSeconds(90).toString();

        HttpResponse<String> invalid = agent.post("/console/cases/" + reference + "/notes", "text", " ", "customer", String.valueOf(caller));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"note-text-error\"", "is required: what did the caller say?",
                "id=\"note-visibility-error\"", "choose who may read the note");
        assertThat(invalid.body()).containsPattern("id=\"note-text\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"note-text-error\"");

        HttpResponse<String> tooLong = agent.post("/console/cases/" + reference + "/notes", "text", "x".repeat(4001), "visibility", "internal");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("must be at most 4000 characters", "value=\"internal\" checked");

        HttpResponse<String> saved = agent.post("/console/cases/" + reference + "/notes", "text", "The hole is getting bigger",
                "visibility", "public", "customer", String.valueOf(caller), "started", started);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(FormSession.location(saved)).isEqualTo("/console/cases/" + reference + "?customer=" + caller + "&started=" + started + "&done=note");
        assertThat(agent.get(FormSession.location(saved)).body()).contains("The note is on the case", "The hole is getting bigger");
        assertThat(contacts.findByCaseReferenceOrderByStartedAtDescIdDesc(reference)).singleElement().satisfies(c -> {
            assertThat(c.getOutcome()).isEqualTo(ContactOutcome.CASE_UPDATED);
            assertThat(c.getCustomerId()).isEqualTo(caller);
            assertThat(c.getHandleSeconds()).isEqualTo(90);
            assertThat(c.getTopic()).isEqualTo("Pothole or road defect");
        });
    }

    @Test
    void aCallForAnUpdateIsRecordedOnTheTimelineAndInTheContactLog() throws Exception {
        FormSession agent = agent();
        String reference = open();
        HttpResponse<String> called = agent.post("/console/cases/" + reference + "/called");
        assertThat(called.statusCode()).isEqualTo(302);
        Map<String, Object> view = getJson(as("cb-agent"), "/api/cases/" + reference).getBody();
        assertThat(view.get("timeline").toString()).contains("The resident called for an update and was told: submitted, expected by");
        List<Contact> logged = contacts.findByCaseReferenceOrderByStartedAtDescIdDesc(reference);
        assertThat(logged).singleElement().satisfies(c -> {
            assertThat(c.getOutcome()).isEqualTo(ContactOutcome.STATUS_GIVEN);
            assertThat(c.getCustomerId()).as("the case's customer when no caller is given").isEqualTo(cases.get(reference).getCustomerId());
            assertThat(c.getAgent()).isEqualTo("cb-agent");
        });
    }

    @Test
    void aClosedCaseIsReopenedWithAReasonAndAnOpenOneIsNot() throws Exception {
        FormSession agent = agent();
        String reference = closed();
        HttpResponse<String> page = agent.get("/console/cases/" + reference);
        assertThat(page.body()).contains("Not fixed?", "Patched.");

        HttpResponse<String> noReason = agent.post("/console/cases/" + reference + "/reopen", "reason", "");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reopen-reason-error\"", "is required: what is not fixed?");

        HttpResponse<String> reopened = agent.post("/console/cases/" + reference + "/reopen", "reason", "The hole is back");
        assertThat(reopened.statusCode()).isEqualTo(302);
        assertThat(cases.get(reference).getStatus().isOpen()).isTrue();
        assertThat(agent.get(FormSession.location(reopened)).body()).contains("The case is open again", "Reopened: The hole is back");
        assertThat(contacts.findByCaseReferenceOrderByStartedAtDescIdDesc(reference))
                .extracting(Contact::getOutcome).containsExactly(ContactOutcome.CASE_REOPENED);

        // Open again: reopening is refused beside the field, and what was typed stays.
        HttpResponse<String> refused = agent.post("/console/cases/" + reference + "/reopen", "reason", "Still there");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"reopen-reason-error\"", "the case is still open; add a note instead", "Still there");
    }
}
