package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.Contact;
import org.onestop.customers.ContactOutcome;
import org.onestop.customers.Contacts;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's intake: find the service, answer, the nearby check, add the caller or save, and the read-back. */
class CaseIntakePagesTest extends IntegrationTest {

    @Autowired
    CaseService cases;
    @Autowired
    Contacts contacts;
    @Autowired
    CustomerService customers;

    private FormSession agent() throws Exception {
        user("it-agent", "contact-centre");
        return FormSession.loggedIn(http.getRootUri(), "it-agent", PASSWORD);
    }

    /** A case opened through the API at a point (so that the nearby check sees it). */
    private String openAt(String service, Map<String, Object> answers, double latitude, double longitude) {
        user("it-agent", "contact-centre");
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", service);
        request.put("channel", "phone");
        request.put("description", "Opened by the test");
        request.put("latitude", latitude);
        request.put("longitude", longitude);
        request.put("answers", answers);
        Map<String, Object> body = postJson(as("it-agent"), "/api/cases", request).getBody();
        assertThat(body).containsKey("reference");
        return (String) body.get("reference");
    }

    private static final Map<String, Object> POTHOLE = Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder");

    private static String[] potholeForm(String... extra) {
        List<String> fields = new java.util.ArrayList<>(List.of("service", "pothole", "channel", "phone",
                "q.size", "small", "q.locationOnRoad", "shoulder", "description", "Hole at the curb"));
        fields.addAll(List.of(extra));
        return fields.toArray(String[]::new);
    }

    @Test
    void theAgentFindsTheServiceByTheCallersWordsButNotTheCouncilOfficesInquiries() throws Exception {
        FormSession agent = agent();
        HttpResponse<String> search = agent.get("/console/cases/new?customer=&words=pothole");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Pothole or road defect", "service=pothole");

        // Councillor inquiries are the councillors' offices' to open (the access policy), not the contact centre's.
        assertThat(agent.get("/console/cases/new?words=councillor+inquiry").body()).doesNotContain("service=councillor-inquiry");
        assertThat(agent.get("/console/cases/new?words=").body()).contains("Type a few of the caller");

        HttpResponse<String> form = agent.get("/console/cases/new?service=pothole");
        assertThat(form.body()).contains("How big is it?", "name=\"q.size\"", "<datalist id=\"address-points\">",
                "value=\"130 King St E, Lakeport\"");
        assertThat(agent.get("/console/cases/new?service=no-such-service").statusCode()).isEqualTo(404);
    }

    @Test
    void validationErrorsShowBesideTheirFieldsAndKeepWhatWasTyped() throws Exception {
        FormSession agent = agent();
        long before = contacts.count();
        HttpResponse<String> page = agent.post("/console/cases/new", "service", "pothole", "channel", "phone",
                "address", "120 King St E", "latitude", "north-ish", "q.hazard", "true", "q.locationOnRoad", "bike-lane",
                "description", "Deep <b>hole</b> by the curb");

        assertThat(page.statusCode()).isEqualTo(400);
        String body = page.body();
        assertThat(body).contains("Please check these fields")
                .contains("id=\"latitude-error\"", "must be a number in decimal degrees")
                .contains("id=\"q-size-error\"", "is required")
                .contains("value=\"north-ish\"", "value=\"120 King St E\"")
                .contains("Deep &lt;b&gt;hole&lt;/b&gt; by the curb")
                .contains("value=\"bike-lane\" selected=\"selected\"");
        assertThat(body).containsPattern("id=\"latitude\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"coordinates-hint latitude-error\"");
        assertThat(body).containsPattern("id=\"q-hazard\"[^>]*checked");
        assertThat(contacts.count()).as("nothing logged").isEqualTo(before);

        HttpResponse<String> noLocation = agent.post("/console/cases/new", potholeForm());
        assertThat(noLocation.statusCode()).isEqualTo(400);
        assertThat(noLocation.body()).contains("id=\"address-error\"", "is required for this service");
    }

    @Test
    void openCasesOfTheSameServiceWithinTheRadiusAreShownBeforeSaving() throws Exception {
        FormSession agent = agent();
        // A quiet corner of the city, a different spot each run, so that only this run's cases are there
        // (the database may keep the cases of earlier runs).
        java.util.Random random = new java.util.Random();
        double lat = 43.2290 + random.nextDouble() * 0.004, lon = -79.9460 + random.nextDouble() * 0.004;
        String near = openAt("pothole", POTHOLE, lat, lon);
        String cancelled = openAt("pothole", POTHOLE, lat, lon);
        cases.cancel(cancelled, "opened twice", "it-agent");
        String otherService = openAt("missed-collection", Map.of("stream", "organics", "collectionDate", "2026-11-20",
                "setOutOnTime", true), lat, lon);

        // 40 m north: within the 50 m radius.
        double fortyMetres = 40 / 111_195.0;
        HttpResponse<String> within = agent.post("/console/cases/new", potholeForm(
                "latitude", String.valueOf(lat + fortyMetres), "longitude", String.valueOf(lon)));
        assertThat(within.statusCode()).isEqualTo(200);
        assertThat(within.body()).contains("Already reported nearby?", near, "40 m away", "Add this caller to " + near,
                "Save as a new case").doesNotContain(cancelled, otherService);

        // 60 m north: outside it; nothing to warn about, so the case is saved at once.
        double sixtyMetres = 60 / 111_195.0;
        HttpResponse<String> outside = agent.post("/console/cases/new", potholeForm(
                "latitude", String.valueOf(lat + sixtyMetres), "longitude", String.valueOf(lon)));
        assertThat(outside.statusCode()).isEqualTo(302);
        assertThat(FormSession.location(outside)).matches("/console/cases/SR-\\d{4}-\\d{6}/confirmation");
    }

    @Test
    void theAddressIsLookedUpInTheRegisterAndTheNeighbourOfAnOpenCaseIsWarned() throws Exception {
        FormSession agent = agent();
        String pothole = openAt("pothole", POTHOLE, 43.2561, -79.8690);
        HttpResponse<String> page = agent.post("/console/cases/new", potholeForm("address", "130 king street east"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Found in the address register", "130 King St E, Lakeport", pothole, "30 m away");

        HttpResponse<String> unknown = agent.post("/console/cases/new", potholeForm("address", "141 King St"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("Not in the address register", "Did you mean", "141 King St E, Lakeport", "Save as a new case");
    }

    @Test
    void theCallerIsAddedToTheExistingCaseInsteadOfADuplicate() throws Exception {
        FormSession agent = agent();
        String existing = openAt("pothole", POTHOLE, 43.2320, -79.9400);
        long caller = customers.findOrCreate(new CustomerDetails("Ravi Second-Caller", "905-555-0177", null, null, null)).getId();
        String started = OFFICE_HOURS.minusSeconds(240).toString();

        HttpResponse<String> added = agent.post("/console/cases/new", potholeForm("customer", String.valueOf(caller),
                "started", started, "latitude", "43.2321", "longitude", "-79.9400", "decision", "add:" + existing));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(FormSession.location(added)).isEqualTo("/console/cases/" + existing + "/confirmation?added=true&customer=" + caller);
        HttpResponse<String> confirmation = agent.get(FormSession.location(added));
        assertThat(confirmation.body()).contains("Caller added to " + existing, existing);

        List<Contact> logged = contacts.findByCaseReferenceOrderByStartedAtDescIdDesc(existing);
        assertThat(logged).singleElement().satisfies(c -> {
            assertThat(c.getOutcome()).isEqualTo(ContactOutcome.ADDED_TO_CASE);
            assertThat(c.getCustomerId()).isEqualTo(caller);
            assertThat(c.getTopic()).isEqualTo("Pothole or road defect");
            assertThat(c.getHandleSeconds()).isEqualTo(240);
        });
        Map<String, Object> view = getJson(as("it-agent"), "/api/cases/" + existing).getBody();
        assertThat(view.get("timeline").toString()).contains("reporter_added", "Ravi Second-Caller reported the same problem by phone");
        assertThat(cases.get(existing).getCustomerId()).as("the case's own customer is unchanged").isNull();

        // The same caller again: told so, beside the choice, with the form kept.
        HttpResponse<String> again = agent.post("/console/cases/new", potholeForm("customer", String.valueOf(caller),
                "latitude", "43.2321", "longitude", "-79.9400", "decision", "add:" + existing));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("id=\"decision-error\"", "Ravi Second-Caller already reported " + existing);
    }

    @Test
    void savingShowsTheReferenceAndTheExpectedDateToReadBackAndLogsTheContact() throws Exception {
        FormSession agent = agent();
        long caller = customers.findOrCreate(new CustomerDetails("Nia Caller", "905-555-0188", "nia@example.org", null, null)).getId();
        HttpResponse<String> saved = agent.post("/console/cases/new", potholeForm("customer", String.valueOf(caller),
                "started", OFFICE_HOURS.minusSeconds(300).toString(), "latitude", "43.2330", "longitude", "-79.9300",
                "decision", "new"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String reference = FormSession.location(saved).replaceAll("^/console/cases/([^/]+)/confirmation.*$", "$1");
        ServiceRequest sr = cases.get(reference);
        assertThat(sr.getCustomerId()).isEqualTo(caller);
        assertThat(sr.getServiceCode()).isEqualTo("pothole");
        assertThat(sr.getCreatedBy()).isEqualTo("it-agent");

        HttpResponse<String> confirmation = agent.get(FormSession.location(saved));
        assertThat(confirmation.statusCode()).isEqualTo(200);
        // Received Tuesday 24 November 2026 at 10:00; a normal pothole is due in ten business days.
        assertThat(confirmation.body()).contains("Read this back to the caller", reference, "Tuesday 8 December 2026");

        assertThat(contacts.findByCaseReferenceOrderByStartedAtDescIdDesc(reference)).singleElement().satisfies(c -> {
            assertThat(c.getOutcome()).isEqualTo(ContactOutcome.CASE_OPENED);
            assertThat(c.getCustomerId()).isEqualTo(caller);
            assertThat(c.getChannel()).isEqualTo("phone");
            assertThat(c.getTopic()).isEqualTo("Pothole or road defect");
            assertThat(c.getServiceCode()).isEqualTo("pothole");
            assertThat(c.getAgent()).isEqualTo("it-agent");
            assertThat(c.getHandleSeconds()).isEqualTo(300);
        });
    }

    @Test
    void aCouncillorsOfficeOpensACouncillorInquiryOnAResidentsBehalfAndNothingElse() throws Exception {
        user("it-council", "council-office");
        FormSession council = FormSession.loggedIn(http.getRootUri(), "it-council", PASSWORD);
        assertThat(council.get("/console/cases/new?words=pothole").body()).doesNotContain("service=pothole");
        assertThat(council.get("/console/cases/new?service=pothole").statusCode()).isEqualTo(404);
        HttpResponse<String> form = council.get("/console/cases/new?service=councillor-inquiry");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("The resident&#39;s concern", "<option value=\"council\" selected=\"selected\">council</option>");

        HttpResponse<String> refused = council.post("/console/cases/new", "service", "pothole", "channel", "council");
        assertThat(refused.statusCode()).isEqualTo(404);

        HttpResponse<String> saved = council.post("/console/cases/new", "service", "councillor-inquiry", "channel", "council",
                "address", "40 Mountain Brow Blvd", "q.councillor", "Councillor Priya Natarajan", "q.topic", "roads-traffic",
                "q.inquiry", "Drivers speed past the school crossing.", "q.residentConsent", "true",
                // Other tests open councillor inquiries at the same spot: save as new whatever is nearby.
                "decision", "new");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String reference = FormSession.location(saved).replaceAll("^/console/cases/([^/]+)/confirmation.*$", "$1");
        ServiceRequest sr = cases.get(reference);
        assertThat(sr.getServiceCode()).isEqualTo("councillor-inquiry");
        assertThat(sr.getChannel().code()).isEqualTo("council");
        assertThat(sr.getWard()).isEqualTo("Ward 3 - Escarpment");
        assertThat(sr.getCreatedBy()).isEqualTo("it-council");

        // Only by the council door.
        HttpResponse<String> wrongDoor = council.post("/console/cases/new", "service", "councillor-inquiry", "channel", "phone",
                "q.councillor", "Councillor Maya Chen", "q.topic", "other", "q.inquiry", "A question");
        assertThat(wrongDoor.statusCode()).isEqualTo(400);
        assertThat(wrongDoor.body()).contains("id=\"channel-error\"", "choose council");
        // An agent may not open one at all.
        assertThat(agent().post("/console/cases/new", "service", "councillor-inquiry", "channel", "council",
                "q.councillor", "Councillor Maya Chen", "q.topic", "other", "q.inquiry", "A question").statusCode()).isEqualTo(404);
    }

    @Test
    void staffOutsideTheContactCentreAndCouncilOfficeCannotUseTheConsole() throws Exception {
        user("it-roads", "roads");
        FormSession roads = FormSession.loggedIn(http.getRootUri(), "it-roads", PASSWORD);
        assertThat(roads.get("/console/cases/new").statusCode()).isEqualTo(403);
    }
}
