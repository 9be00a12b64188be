package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.customers.Contact;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.knowledge.Article;
import org.onestop.knowledge.KnowledgeBase;
import org.onestop.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every contact is logged with its channel, caller, topic, outcome and handle time; an answer from an article is first-contact resolution. */
class ContactLoggingTest extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    ContactLog contactLog;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    CaseService cases;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private WebSession agent() throws Exception {
        WebSession web = new WebSession("http://localhost:" + port);
        web.login(user("log-agent", "contact-centre"), PASSWORD);
        return web;
    }

    private Customer aCaller() {
        return customers.findOrCreate(new CustomerDetails("Logan Caller", "905-555-" + String.format("%04d",
                ThreadLocalRandom.current().nextInt(10000)), null, null, null));
    }

    private Article garbageDay() {
        return knowledge.search("when is garbage day", 1).get(0).article();
    }

    private String csrf(WebSession web, Article article, String query) throws Exception {
        String page = web.get("/console/knowledge/" + article.getId() + query).body();
        assertThat(page).contains("Answered the caller with this article");
        return WebSession.csrf(page);
    }

    @Test
    void anAnswerFromAnArticleIsResolvedOnFirstContactWithTheArticleAndTheHandleTime() throws Exception {
        Customer caller = aCaller();
        Article article = garbageDay();
        WebSession web = agent();
        String started = OFFICE_HOURS.minus(Duration.ofSeconds(185)).toString();
        String token = csrf(web, article, "?channel=phone&started=" + started + "&customer=" + caller.getId());

        HttpResponse<String> answered = web.post("/console/contacts/answered", Map.of("_csrf", token,
                "article", String.valueOf(article.getId()), "channel", "phone", "started", started,
                "customer", String.valueOf(caller.getId())));

        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(answered.headers().firstValue("Location").orElseThrow()).contains("/console/customers/" + caller.getId() + "?recorded=");
        List<Contact> history = contactLog.history(caller.getId(), 10);
        assertThat(history).hasSize(1);
        Contact contact = history.get(0);
        assertThat(contact.getOutcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(contact.isFirstContactResolution()).isTrue();
        assertThat(contact.getArticleId()).isEqualTo(article.getId());
        assertThat(contact.getTopic()).isEqualTo(article.getTitle());
        assertThat(contact.getChannel()).isEqualTo("phone");
        assertThat(contact.getAgent()).isEqualTo("log-agent");
        assertThat(contact.getHandleSeconds()).isEqualTo(185);

        String page = web.get("/console/customers/" + caller.getId() + "?recorded=" + contact.getId()).body();
        assertThat(page).contains("Contact recorded:", "resolved on first contact", "3 min 5 s");
    }

    @Test
    void anAnswerWithoutAKnownCallerIsLoggedToo() throws Exception {
        Article article = garbageDay();
        WebSession web = agent();
        String token = csrf(web, article, "?channel=email&started=" + OFFICE_HOURS.minusSeconds(60));
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE customer_id IS NULL AND agent = 'log-agent'", Long.class);

        HttpResponse<String> answered = web.post("/console/contacts/answered", Map.of("_csrf", token,
                "article", String.valueOf(article.getId()), "channel", "email", "started", OFFICE_HOURS.minusSeconds(60).toString()));

        assertThat(answered.headers().firstValue("Location").orElseThrow()).contains("/console?recorded=");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE customer_id IS NULL AND agent = 'log-agent'"
                + " AND channel = 'email' AND first_contact_resolution = TRUE AND handle_seconds = 60", Long.class)).isEqualTo(before + 1);
    }

    @Test
    void theStartIsValidatedAndClamped() {
        java.time.Clock clock = java.time.Clock.fixed(OFFICE_HOURS, java.time.ZoneOffset.UTC);
        assertThat(ContactContext.of("phone", OFFICE_HOURS.plusSeconds(600).toString(), null, clock).started())
                .as("not in the future").isEqualTo(OFFICE_HOURS);
        assertThat(ContactContext.of("phone", OFFICE_HOURS.minus(Duration.ofHours(10)).toString(), null, clock).started())
                .as("at most four hours ago").isEqualTo(OFFICE_HOURS.minus(ContactContext.MAX_AGE));
        assertThat(ContactContext.of("phone", "yesterday-ish", null, clock).started()).as("unreadable: now").isEqualTo(OFFICE_HOURS);
        assertThat(ContactContext.of("carrier-pigeon", OFFICE_HOURS.toString(), null, clock).inProgress()).isFalse();
        assertThat(ContactContext.of("walk-in", null, "12x", clock).customerId()).isNull();
        assertThat(ContactContext.of("walk-in", OFFICE_HOURS.minusSeconds(30).toString(), "12", clock)
                .link("/console/knowledge?q=x")).isEqualTo("/console/knowledge?q=x&channel=walk-in&started=2026-11-24T14%3A59%3A30Z&customer=12");
    }

    @Test
    void aForgedStartInTheFutureRecordsNoNegativeHandleTime() throws Exception {
        Customer caller = aCaller();
        Article article = garbageDay();
        WebSession web = agent();
        String token = csrf(web, article, "?channel=phone&customer=" + caller.getId());

        web.post("/console/contacts/answered", Map.of("_csrf", token, "article", String.valueOf(article.getId()),
                "channel", "phone", "started", "2099-01-01T00:00:00Z", "customer", String.valueOf(caller.getId())));

        assertThat(contactLog.history(caller.getId(), 1).get(0).getHandleSeconds()).isZero();
    }

    @Test
    void theWrapUpFormRecordsOtherOutcomesAndExplainsWhatIsMissing() throws Exception {
        Customer caller = aCaller();
        String reference = cases.open(new NewCase("pothole", Channel.PHONE, "Asked about", caller.getId(), null, "1 King St",
                null, null, null, Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")), "test").getReference();
        WebSession web = agent();
        String started = OFFICE_HOURS.minusSeconds(240).toString();
        String form = web.get("/console/contacts/wrap-up?channel=phone&started=" + started + "&customer=" + caller.getId()).body();
        assertThat(form).contains("Logan Caller", "Status of a case given");
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", WebSession.csrf(form), "channel", "phone", "started", started,
                "customer", String.valueOf(caller.getId()), "topic", "", "outcome", "status-given", "serviceCode", "",
                "caseReference", "", "notes", "Kept <i>notes</i>"));

        HttpResponse<String> invalid = web.post("/console/contacts", fields);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Topic is required", "Case reference is required for this outcome",
                "aria-invalid=\"true\"", "Kept &lt;i&gt;notes&lt;/i&gt;", "<option value=\"status-given\" selected=\"selected\">");
        assertThat(contactLog.history(caller.getId(), 10)).isEmpty();

        fields.put("topic", "When will the pothole be fixed?");
        fields.put("caseReference", "SR-2026-999999999");
        assertThat(web.post("/console/contacts", fields).body()).contains("no case has this reference");

        fields.put("caseReference", reference.toLowerCase());
        fields.put("serviceCode", "pothole");
        HttpResponse<String> recorded = web.post("/console/contacts", fields);
        assertThat(recorded.statusCode()).isEqualTo(302);
        Contact contact = contactLog.history(caller.getId(), 1).get(0);
        assertThat(contact.getOutcome()).isEqualTo(ContactOutcome.STATUS_GIVEN);
        assertThat(contact.isFirstContactResolution()).isFalse();
        assertThat(contact.getCaseReference()).isEqualTo(reference);
        assertThat(contact.getServiceCode()).isEqualTo("pothole");
        assertThat(contact.getHandleSeconds()).isEqualTo(240);
        assertThat(contact.getNotes()).isEqualTo("Kept <i>notes</i>");
        assertThat(web.get("/console/customers/" + caller.getId()).body()).contains("When will the pothole be fixed?",
                "Status of a case given", "/console/cases/" + reference);
    }

    @Test
    void newContactStartsTheClockAndCarriesTheChannel() throws Exception {
        HttpResponse<String> start = agent().get("/console/contacts/start?channel=walk-in");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow())
                .endsWith("/console?channel=walk-in&started=2026-11-24T15%3A00%3A00Z");
    }
}
