package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's caller pages: search, the customer's page with their cases, and the new-caller and correction forms. */
class ConsoleCustomerPagesTest extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    CaseService cases;
    @LocalServerPort
    int port;

    private WebSession agent() throws Exception {
        WebSession web = new WebSession("http://localhost:" + port);
        web.login(user("console-agent", "contact-centre"), PASSWORD);
        return web;
    }

    private static String randomLine() {
        return String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }

    @Test
    void onlyContactCentreCouncilOfficeAndAdminsUseTheConsole() throws Exception {
        WebSession roads = new WebSession("http://localhost:" + port);
        roads.login(user("console-roads", "roads"), PASSWORD);
        assertThat(roads.get("/console").statusCode()).isEqualTo(403);
        assertThat(roads.get("/staff").body()).doesNotContain("href=\"/console\"");

        WebSession agent = agent();
        HttpResponse<String> home = agent.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"caller-q\"", "autofocus", "Look up a case", "Search the knowledge base", "Start new contact");
        assertThat(agent.get("/staff").body()).contains("href=\"/console\"");
    }

    @Test
    void theSearchPageFindsTheCallerByANumberTypedAnyWayAndStartsAContact() throws Exception {
        String line = randomLine();
        Customer c = customers.findOrCreate(new CustomerDetails("Pagetest Person", "(289) 555-" + line, null, "7 Pier Rd", null));

        HttpResponse<String> page = agent().get("/console/customers?q=%2B1+289.555." + line + "&channel=walk-in");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pagetest Person", "Walk in</strong> contact");
        assertThat(page.body()).containsPattern("href=\"/console/customers/" + c.getId() + "\\?channel=walk-in&amp;started=2026-11-24T15%3A00%3A00Z\"");
    }

    @Test
    void aCaseReferenceInTheCallerSearchOrTheLookUpBoxGoesToTheCase() throws Exception {
        WebSession web = agent();
        assertThat(web.get("/console/customers?q=sr-2026-000042").headers().firstValue("Location").orElse(""))
                .contains("/console/cases/SR-2026-000042");
        assertThat(web.get("/console/lookup?reference=SR-2026-000042").headers().firstValue("Location").orElse(""))
                .contains("/console/cases/SR-2026-000042");
        HttpResponse<String> bad = web.get("/console/lookup?reference=%3Cscript%3E");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a case reference", "aria-invalid=\"true\"", "value=\"&lt;script&gt;\"");
    }

    @Test
    void theCustomerPageListsTheirCasesNewestFirstWithStatusDepartmentAndResolveBy() throws Exception {
        String line = randomLine();
        Customer c = customers.findOrCreate(new CustomerDetails("Casey Cases", "905-555-" + line, null, null, null));
        String older = cases.open(new NewCase("pothole", Channel.PHONE, "Older", c.getId(), null, "1 King St", null, null, null,
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")), "test").getReference();
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofMinutes(5))));
        String newer = cases.open(new NewCase("pothole", Channel.PHONE, "Newer", c.getId(), null, "2 King St", null, null, null,
                Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")), "test").getReference();

        String page = agent().get("/console/customers/" + c.getId()).body();

        assertThat(page).contains("Casey Cases", "Pothole or road defect", "Roads", "submitted");
        assertThat(page.indexOf("/console/cases/" + newer)).isPositive().isLessThan(page.indexOf("/console/cases/" + older));
        assertThat(page).contains("Resolve by</th>").containsPattern("<td>\\w{3} \\d{1,2} \\w{3} 2026, \\d{2}:\\d{2}</td>");
    }

    @Test
    void aNewCallerWithBadDetailsSeesEachMessageBesideItsFieldAndWhatTheyTyped() throws Exception {
        WebSession web = agent();
        String form = web.get("/console/customers/new?q=905+555+01").body();
        assertThat(form).contains("value=\"905 555 01\"");
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", WebSession.csrf(form));
        fields.put("name", "");
        fields.put("phone", "555 01");
        fields.put("email", "not-an-email");
        fields.put("address", "<b>12 Elm</b>");
        fields.put("preferredChannel", "sms");

        HttpResponse<String> invalid = web.post("/console/customers", fields);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Name is required", "aria-describedby=\"name-error\"",
                "Phone must have 7 to 15 digits", "E-mail must be an e-mail address",
                "value=\"not-an-email\"", "value=\"&lt;b&gt;12 Elm&lt;/b&gt;\"", "<option value=\"sms\" selected=\"selected\">");

        fields.put("name", "Nina New");
        fields.put("phone", "905 555 " + randomLine());
        fields.put("email", "Nina.New@Example.org");
        HttpResponse<String> created = web.post("/console/customers", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).containsPattern("/console/customers/\\d+");
        assertThat(web.get(location.replaceFirst("^https?://[^/]+", "")).body()).contains("Nina New", "nina.new@example.org", "&lt;b&gt;12 Elm&lt;/b&gt;");
    }

    @Test
    void aCorrectionSavesAndAStaleOneIsRefused() throws Exception {
        Customer c = customers.findOrCreate(new CustomerDetails("Carla Correct", "905-555-" + randomLine(), null, "3 Oak Ave", null));
        WebSession web = agent();
        String form = web.get("/console/customers/" + c.getId() + "/edit").body();
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", WebSession.csrf(form));
        fields.put("version", String.valueOf(c.getVersion()));
        fields.put("name", "Carla Corrected");
        fields.put("phone", c.getPhone());
        fields.put("email", "");
        fields.put("address", "5 Oak Ave");
        fields.put("preferredChannel", "phone");

        assertThat(web.post("/console/customers/" + c.getId(), fields).statusCode()).isEqualTo(302);
        assertThat(customers.find(c.getId()).orElseThrow().getName()).isEqualTo("Carla Corrected");
        assertThat(customers.find(c.getId()).orElseThrow().getAddress()).isEqualTo("5 Oak Ave");

        fields.put("name", "Stale Name");
        HttpResponse<String> stale = web.post("/console/customers/" + c.getId(), fields);
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("someone else changed this customer", "value=\"Stale Name\"", "What is recorded now");
        assertThat(customers.find(c.getId()).orElseThrow().getName()).isEqualTo("Carla Corrected");
    }
}
