package org.onestop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.ServiceRequests;
import org.onestop.notifications.Notification;
import org.onestop.notifications.Outbox;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request never overwrites what a known customer has on record: a missing detail is filled in, a differing one waits
 * on the caller's console page until an agent uses it instead or dismisses it; notices keep going to the recorded ones.
 */
class DetailsToConfirmTest extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    IntakeDetails intakeDetails;
    @Autowired
    ServiceRequests requests;
    @Autowired
    Outbox outbox;
    @LocalServerPort
    int port;

    private String agent;
    private String tag;
    private String phone;

    @BeforeEach
    void anAgentAndANumber() {
        agent = user("cust-agent", "contact-centre");
        tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        phone = "905-" + ThreadLocalRandom.current().nextInt(200, 999) + "-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }

    private String email(String who) {
        return who + "." + tag + "@example.org";
    }

    /** Opens a pothole case through the staff API for this caller; the case's reference and the customer's id. */
    private Map<String, Object> open(Map<String, Object> customer) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("description", "A hole in the road");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        request.put("customer", customer);
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private static long customerId(Map<String, Object> createdCase) {
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) createdCase.get("customer");
        return ((Number) customer.get("id")).longValue();
    }

    private Customer customer(long id) {
        return customers.find(id).orElseThrow();
    }

    private FormSession console() throws Exception {
        return FormSession.loggedIn("http://localhost:" + port, agent, PASSWORD);
    }

    @Test
    void aKnownPhoneWithAnotherEmailLeavesTheRecordedEmailUntilTheAgentUsesIt() throws Exception {
        long id = customerId(open(Map.of("name", "Dana Details", "phone", phone, "email", email("dana"))));

        Map<String, Object> second = open(Map.of("name", "dana details", "phone", "+1 " + phone.replace('-', ' '), "email", email("someone-else")));

        assertThat(customerId(second)).as("the same customer, by phone and name").isEqualTo(id);
        assertThat(customer(id).getEmail()).isEqualTo(email("dana"));
        assertThat(customer(id).getName()).as("a name written another way is no difference").isEqualTo("Dana Details");
        List<IntakeDetails.DetailToConfirm> waiting = intakeDetails.toConfirm(id);
        assertThat(waiting).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DetailKind.EMAIL);
            assertThat(d.value()).isEqualTo(email("someone-else"));
            assertThat(d.recorded()).isEqualTo(email("dana"));
            assertThat(d.caseReference()).isEqualTo(second.get("reference"));
            assertThat(d.channel()).isEqualTo("phone");
        });
        // The new case's notices go to the recorded address, not to the one typed with it.
        List<Notification> notices = outbox.forCase(requests.findByReference((String) second.get("reference")).orElseThrow().getId());
        assertThat(notices).isNotEmpty().extracting(Notification::getRecipient).containsOnly(email("dana"));

        FormSession web = console();
        String page = web.get("/console/customers/" + id).body();
        assertThat(page).contains("Details to confirm", email("someone-else"), "Use this instead", "Dismiss",
                "/console/customers/" + id + "/details-to-confirm/" + waiting.get(0).id() + "/use", "name=\"_csrf\"");

        HttpResponse<String> used = web.post("/console/customers/" + id + "/details-to-confirm/" + waiting.get(0).id() + "/use",
                "version", String.valueOf(customer(id).getVersion()));

        assertThat(used.statusCode()).isEqualTo(302);
        assertThat(FormSession.location(used)).startsWith("/console/customers/" + id);
        assertThat(customer(id).getEmail()).isEqualTo(email("someone-else"));
        assertThat(intakeDetails.toConfirm(id)).isEmpty();
        assertThat(web.get("/console/customers/" + id).body()).doesNotContain("Details to confirm");
    }

    @Test
    void aMissingEmailIsFilledIn() {
        long id = customerId(open(Map.of("name", "Fay Filled", "phone", phone)));
        assertThat(customer(id).getEmail()).isNull();

        assertThat(customerId(open(Map.of("name", "Fay Filled", "phone", phone, "email", email("fay"))))).isEqualTo(id);

        assertThat(customer(id).getEmail()).isEqualTo(email("fay"));
        assertThat(intakeDetails.toConfirm(id)).isEmpty();
        assertThat(customers.find(id).orElseThrow().getPreferredChannel()).as("how she hears from us is unchanged")
                .isEqualTo(ContactPreference.PHONE);
    }

    @Test
    void dismissKeepsTheRecordedDetail() throws Exception {
        long id = customerId(open(Map.of("name", "Dee Dismissed", "phone", phone, "email", email("dee"))));
        open(Map.of("name", "Dee Dismissed", "phone", phone, "email", email("typo")));
        long detail = intakeDetails.toConfirm(id).get(0).id();

        HttpResponse<String> dismissed = console().post("/console/customers/" + id + "/details-to-confirm/" + detail + "/dismiss");

        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(customer(id).getEmail()).isEqualTo(email("dee"));
        assertThat(intakeDetails.toConfirm(id)).isEmpty();
    }

    @Test
    void unknownOrAnotherCustomersDetailsAndStalePagesChangeNothing() throws Exception {
        long id = customerId(open(Map.of("name", "Bo Bad", "phone", phone, "email", email("bo"))));
        open(Map.of("name", "Bo Bad", "phone", phone, "email", email("bo-new")));
        long detail = intakeDetails.toConfirm(id).get(0).id();
        long other = customerId(open(Map.of("name", "Oli Other", "email", email("oli"))));
        long version = customer(id).getVersion();
        FormSession web = console();

        assertThat(web.post("/console/customers/" + id + "/details-to-confirm/" + Long.MAX_VALUE + "/use", "version",
                String.valueOf(version)).statusCode()).as("unknown detail").isEqualTo(404);
        assertThat(web.post("/console/customers/" + other + "/details-to-confirm/" + detail + "/use", "version",
                String.valueOf(customer(other).getVersion())).statusCode()).as("another customer's detail").isEqualTo(404);
        assertThat(web.post("/console/customers/" + other + "/details-to-confirm/" + detail + "/dismiss").statusCode())
                .as("another customer's detail").isEqualTo(404);
        assertThat(web.post("/console/customers/" + Long.MAX_VALUE + "/details-to-confirm/" + detail + "/dismiss").statusCode())
                .as("unknown customer").isEqualTo(404);
        assertThat(web.post("/console/customers/" + id + "/details-to-confirm/x/use", "version", "0").statusCode())
                .as("not an id").isEqualTo(400);
        assertThat(web.post("/console/customers/" + id + "/details-to-confirm/" + detail + "/use").statusCode())
                .as("without the page's version").isEqualTo(400);
        HttpResponse<String> stale = web.post("/console/customers/" + id + "/details-to-confirm/" + detail + "/use",
                "version", String.valueOf(version - 1));
        assertThat(stale.statusCode()).as("a page older than the record").isEqualTo(400);
        assertThat(stale.body()).contains("someone else changed this customer", email("bo-new"));

        assertThat(customer(id).getEmail()).isEqualTo(email("bo"));
        assertThat(customer(id).getVersion()).isEqualTo(version);
        assertThat(customer(other).getEmail()).isEqualTo(email("oli"));
        assertThat(intakeDetails.toConfirm(id)).extracting(IntakeDetails.DetailToConfirm::id).containsExactly(detail);
        assertThat(intakeDetails.toConfirm(other)).isEmpty();
    }

    @Test
    void anEmailOfOneCustomerWithThePhoneOfAnotherChangesNeither() {
        long a = customerId(open(Map.of("name", "Ann Email", "email", email("ann"))));
        long b = customerId(open(Map.of("name", "Ben Phone", "phone", phone)));

        long chosen = customerId(open(Map.of("name", "Ann Email", "email", email("ann"), "phone", phone)));

        assertThat(chosen).as("the e-mail's customer").isEqualTo(a);
        assertThat(customer(a).getPhone()).as("Ben's number is not given to Ann by itself").isNull();
        assertThat(customer(b).getPhone()).isEqualTo(phone);
        assertThat(customer(b).getEmail()).isNull();
        assertThat(intakeDetails.toConfirm(a)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DetailKind.PHONE);
            assertThat(d.alsoAnotherCustomers()).isTrue();
        });
        assertThat(intakeDetails.toConfirm(b)).isEmpty();
    }

    @Test
    void aDifferentNameWaitsAndAPlaceholderNameIsFilledIn() {
        long id = customerId(open(Map.of("name", "Robin Reed", "email", email("robin"))));
        open(Map.of("name", "Rob Reed", "email", email("robin")));
        assertThat(customer(id).getName()).isEqualTo("Robin Reed");
        assertThat(intakeDetails.toConfirm(id)).extracting(IntakeDetails.DetailToConfirm::kind, IntakeDetails.DetailToConfirm::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DetailKind.NAME, "Rob Reed"));

        // Open311 names a request without a name after its e-mail address: a real name later replaces that.
        Customer nameless = customers.findOrCreate(new CustomerDetails(email("nameless"), null, email("nameless"), null, null));
        open(Map.of("name", "Nia Named", "email", email("nameless")));
        assertThat(customer(nameless.getId()).getName()).isEqualTo("Nia Named");
        assertThat(intakeDetails.toConfirm(nameless.getId())).isEmpty();
    }
}
