package org.onestop.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.Channel;
import org.onestop.cases.ServiceRequests;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.notifications.Notification;
import org.onestop.notifications.Outbox;
import org.onestop.survey.SurveyService;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention pass on a fixed clock, on cases built through the real intake and closed by their departments: two
 * years after closure a case keeps what the figures need and loses the rest; customers left with nothing are deleted;
 * a case closed inside the period, and its customer, are untouched. A second pass changes nothing, and a node that
 * finds the lease held does nothing. The days are in 2019 and 2021, before any other test's, so that the pass meets
 * only this test's rows and its counts can be exact.
 */
class RetentionTest extends IntegrationTest {

    static final ZoneId CITY = ZoneId.of("America/Toronto");
    /** A Tuesday in office hours: the old cases are opened and closed. */
    static final Instant OLD_DAY = toronto("2019-03-12T10:00");
    /** Two years later, a Tuesday: a case closed inside the period, a recent contact. */
    static final Instant RECENT_DAY = toronto("2021-03-09T10:00");
    /** The night of the pass: more than two years after the old day, two months after the recent one. */
    static final Instant NIGHT = toronto("2021-05-11T03:30");
    static final Pattern SURVEY_LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");

    @Autowired
    Retention retention;
    @Autowired
    RetentionLease lease;
    @Autowired
    ServiceRequests requests;
    @Autowired
    CustomerService customers;
    @Autowired
    AdditionalReporters reporters;
    @Autowired
    ContactLog contactLog;
    @Autowired
    Outbox outbox;
    @Autowired
    SurveyService surveys;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoYearsAfterClosurePersonalDataIsGoneAndTheFiguresStay() throws Exception {
        String agent = user("ret-agent", "contact-centre");
        user("ret-roads", "roads");
        user("ret-waste", "waste");

        // --- 2019: Rita's pothole, with everything personal a case can gather, closed by Roads.
        at(OLD_DAY);
        String ritaEmail = unique("rita") + "@example.org";
        Map<String, Object> pothole = open(agent, "pothole", "Deep hole outside my house at 12 Elm St, says Rita",
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"),
                Map.of("name", "Rita Retention", "phone", phone(), "email", ritaEmail), null);
        String ritaRef = (String) pothole.get("reference");
        long ritaCase = caseId(ritaRef);
        long rita = ((Number) ((Map<?, ?>) pothole.get("customer")).get("id")).longValue();
        assertThat(postJson(as(agent), "/api/cases/" + ritaRef + "/notes",
                Map.of("text", "Rita called back: her neighbour Bob saw the hole first.", "visibility", "public"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long bob = customers.create(new CustomerDetails("Bob Neighbour", phone(), null, null, ContactPreference.PHONE)).getId();
        reporters.add(ritaRef, bob, Channel.PHONE, agent);
        jdbc.update("INSERT INTO case_photo (case_id, content_type, bytes, width, height, size, created_at) VALUES (?, 'image/jpeg', ?, 1, 1, 3, ?)",
                ritaCase, new byte[] {1, 2, 3}, LocalDateTime.ofInstant(OLD_DAY, java.time.ZoneOffset.UTC));
        long apiKey = openedThroughOpen311(ritaCase);
        contactLog.record(new ContactLog.NewContact(rita, "phone", "Rita about the hole by her house", "pothole",
                ContactOutcome.CASE_OPENED, null, ritaRef, agent, OLD_DAY.minusSeconds(240), "Rita is worried for her kids on bikes"));
        complete("ret-roads", ritaRef, Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Outside number 12"),
                Map.of("crew", "east-yard", "plannedDate", "2019-03-20"),
                Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled the hole outside Rita's house."));
        SurveyService.Outcome answered = surveys.answer(surveyToken(ritaCase), "4", "yes", "Thanks, Rita");
        assertThat(answered.reference()).isEqualTo(ritaRef);
        assertThat(jdbc.queryForObject("SELECT comment FROM survey WHERE case_id = ?", String.class, ritaCase)).isEqualTo("Thanks, Rita");

        // Rob's missed collection, closed the same day; Rob reports again in 2021.
        String robEmail = unique("rob") + "@example.org";
        Map<String, Object> missed = open(agent, "missed-collection", "My green bin at 3 Oak Ave was skipped, Rob",
                Map.of("stream", "organics", "collectionDate", "2019-03-11", "setOutOnTime", true),
                Map.of("name", "Rob Recent", "phone", phone(), "email", robEmail), null);
        String robOldRef = (String) missed.get("reference");
        long rob = ((Number) ((Map<?, ?>) missed.get("customer")).get("id")).longValue();
        complete("ret-waste", robOldRef, Map.of("missedByCity", true, "verificationNotes", "Truck skipped Oak Ave"),
                Map.of("collectedOn", "2019-03-13", "resolutionNote", "Collected Rob's green bin."));
        int robsOldLinks = count("SELECT COUNT(*) FROM notice_token WHERE customer_id = ?", rob);
        assertThat(robsOldLinks).as("Rob's 2019 notices each carried an opt-out link").isPositive();

        // Callers with no case: Carl only called in 2019; Dora was recorded in 2019 and called again in 2021.
        long carl = customers.create(new CustomerDetails("Carl Caller", phone(), null, "5 Pine Rd", null)).getId();
        contactLog.record(new ContactLog.NewContact(carl, "phone", "Carl asked about his tax bill", null, ContactOutcome.ANSWERED,
                null, null, agent, OLD_DAY.minusSeconds(60), "Carl owes 300 dollars"));
        long dora = customers.create(new CustomerDetails("Dora Later", phone(), null, null, null)).getId();

        // --- 2021: Rob's new case, closed inside the period; Dora calls.
        at(RECENT_DAY);
        Map<String, Object> recent = open(agent, "missed-collection", "Skipped again at 3 Oak Ave, Rob",
                Map.of("stream", "organics", "collectionDate", "2021-03-08", "setOutOnTime", true), null, rob);
        String robRef = (String) recent.get("reference");
        complete("ret-waste", robRef, Map.of("missedByCity", true, "verificationNotes", "Again"),
                Map.of("collectedOn", "2021-03-10", "resolutionNote", "Collected."));
        contactLog.record(new ContactLog.NewContact(dora, "walk-in", "Dora asked about her bin", "missed-collection",
                ContactOutcome.ANSWERED, null, null, agent, RECENT_DAY.minusSeconds(120), "Dora lives at 9 Birch St"));

        Map<String, Object> ritaBefore = view(agent, ritaRef);
        Map<String, Object> robOldBefore = view(agent, robOldRef);
        Map<String, Object> robBefore = view(agent, robRef);
        assertThat(ritaBefore).containsEntry("status", "closed").containsKeys("description", "address", "latitude", "customer", "resolution");
        int ritaNotices = outbox.forCase(ritaCase).size();
        assertThat(ritaNotices).isPositive();

        // --- The night of the pass. Another node holds the lease: this one does nothing.
        at(NIGHT);
        assertThat(lease.acquire("node-b", NIGHT, NIGHT.plusSeconds(3600))).isTrue();
        assertThat(retention.runNow().ran()).isFalse();
        assertThat(view(agent, ritaRef)).isEqualTo(ritaBefore);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE id IN (?, ?, ?)", rita, bob, carl)).isEqualTo(3);

        // Node B stopped without letting go; its lease runs out and this node takes over.
        at(NIGHT.plusSeconds(2 * 3600));
        Retention.Report report = retention.runNow();
        assertThat(report.ran()).isTrue();
        assertThat(report.casesAnonymised()).as("Rita's and Rob's 2019 cases").isEqualTo(2);
        assertThat(report.contactsCleared()).as("Rita's and Carl's 2019 calls").isEqualTo(2);
        assertThat(report.customersDeleted()).as("Rita, Bob (added to her case) and Carl").isEqualTo(3);
        assertThat(report.optOutLinksExpired()).as("the links in Rob's 2019 notices").isEqualTo(robsOldLinks);

        // The figures stay: the case as staff see it is the same, less what named or located a person.
        assertThat(view(agent, ritaRef)).isEqualTo(anonymised(ritaBefore));
        assertThat(view(agent, robOldRef)).isEqualTo(anonymised(robOldBefore));
        assertThat(jdbc.queryForMap("SELECT customer_id, description, answers, address, latitude, longitude, resolution"
                + " FROM service_request WHERE id = ?", ritaCase)).allSatisfy((column, value) -> assertThat(value).as(column).isNull());
        assertThat(jdbc.queryForMap("SELECT ward, service_code, channel, department, status, anonymised_at FROM service_request WHERE id = ?", ritaCase))
                .containsEntry("WARD", "Ward 4 - Meadowvale").containsEntry("SERVICE_CODE", "pothole").containsEntry("CHANNEL", "PHONE")
                .containsEntry("DEPARTMENT", "roads").containsEntry("STATUS", "CLOSED").extractingByKey("ANONYMISED_AT").isNotNull();
        assertThat(jdbc.queryForList("SELECT message FROM case_event WHERE case_id = ?", String.class, ritaCase))
                .isNotEmpty().allSatisfy(m -> assertThat(m).isIn(PersonalData.REMOVED, null));
        assertThat(count("SELECT COUNT(*) FROM case_reporter WHERE case_id = ?", ritaCase)).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_photo WHERE case_id = ?", ritaCase)).isZero();
        List<Notification> notices = outbox.forCase(ritaCase);
        assertThat(notices).hasSize(ritaNotices).allSatisfy(n -> {
            assertThat(n.getRecipient()).doesNotContain("@").startsWith("(removed) ");
            assertThat(n.getSubject()).isEqualTo(PersonalData.REMOVED);
            assertThat(n.getBody()).isEqualTo(PersonalData.REMOVED);
            assertThat(n.getChannel()).isEqualTo("email");
            assertThat(n.getStatus()).as("never sent now").isEqualTo(Notification.Status.FAILED);
            assertThat(n.getCreatedAt()).isNotNull();
        });
        assertThat(notices).extracting(Notification::getDedupeKey).contains("received:0", "resolved:0", "closed:0");
        assertThat(jdbc.queryForMap("SELECT customer_id, comment, rating, fixed, answered_at FROM survey WHERE case_id = ?", ritaCase))
                .containsEntry("CUSTOMER_ID", null).containsEntry("COMMENT", null).containsEntry("RATING", 4).containsEntry("FIXED", true)
                .extractingByKey("ANSWERED_AT").isNotNull();
        assertThat(jdbc.queryForMap("SELECT api_key_id, media_url, address_id, device_id, account_id FROM open311_request WHERE case_id = ?", ritaCase))
                .containsEntry("API_KEY_ID", apiKey).containsEntry("MEDIA_URL", null).containsEntry("ADDRESS_ID", null)
                .containsEntry("DEVICE_ID", null).containsEntry("ACCOUNT_ID", null);
        assertThat(jdbc.queryForMap("SELECT customer_id, notes, topic, channel, outcome, service_code, case_reference, handle_seconds"
                + " FROM contact WHERE case_reference = ?", ritaRef))
                .containsEntry("CUSTOMER_ID", null).containsEntry("NOTES", null).containsEntry("TOPIC", PersonalData.REMOVED)
                .containsEntry("CHANNEL", "phone").containsEntry("OUTCOME", "CASE_OPENED").containsEntry("SERVICE_CODE", "pothole")
                .containsEntry("HANDLE_SECONDS", 240);

        // Customers left with no case and no recent contact are gone, with everything that found or reached them.
        for (long gone : List.of(rita, bob, carl)) {
            assertThat(count("SELECT COUNT(*) FROM customer WHERE id = ?", gone)).isZero();
            assertThat(count("SELECT COUNT(*) FROM customer_search_term WHERE customer_id = ?", gone)).isZero();
            assertThat(count("SELECT COUNT(*) FROM notice_token WHERE customer_id = ?", gone)).isZero();
            assertThat(count("SELECT COUNT(*) FROM notice_subscription WHERE customer_id = ?", gone)).isZero();
            assertThat(count("SELECT COUNT(*) FROM contact WHERE customer_id = ?", gone)).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM customer_search_term WHERE term = 'retention'")).as("Rita is not found any more").isZero();

        // Inside the period: Rob's 2021 case and Rob himself; Dora, who called in 2021, and her call.
        assertThat(view(agent, robRef)).isEqualTo(robBefore);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE id IN (?, ?)", rob, dora)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM notice_token WHERE customer_id = ?", rob)).as("the links in Rob's 2021 notices").isPositive();
        assertThat(jdbc.queryForMap("SELECT customer_id, notes FROM contact WHERE customer_id = ?", dora))
                .containsEntry("NOTES", "Dora lives at 9 Birch St");

        // The pass again, the same night: nothing left to do, nothing changed.
        Retention.Report again = retention.runNow();
        assertThat(again).extracting(Retention.Report::ran, Retention.Report::casesAnonymised, Retention.Report::contactsCleared,
                Retention.Report::customersDeleted, Retention.Report::optOutLinksExpired).containsExactly(true, 0, 0, 0, 0);
        assertThat(view(agent, ritaRef)).isEqualTo(anonymised(ritaBefore));
        assertThat(jdbc.queryForObject("SELECT locked_by FROM retention_lock WHERE name = 'retention'", String.class))
                .as("the lease is let go after the pass").isNull();

        // Staff and the resident's status page still open the anonymised case.
        assertThat(FormSession.loggedIn(http.getRootUri(), agent, PASSWORD).get("/cases/" + ritaRef).statusCode()).isEqualTo(200);
        assertThat(http.getForEntity("/status/" + ritaRef, String.class).getBody()).doesNotContain("Elm St", "Rita");
    }

    // ------------------------------------------------------------------ helpers

    /** The staff view of a case once anonymised: no customer, description, answers, location or resolution; the
     *  timeline's entries all there, each without its text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> anonymised(Map<String, Object> before) {
        Map<String, Object> expected = new LinkedHashMap<>(before);
        for (String personal : List.of("customer", "description", "address", "latitude", "longitude", "resolution")) {
            expected.remove(personal);
        }
        expected.put("answers", Map.of());
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) before.get("timeline")) {
            Map<String, Object> kept = new LinkedHashMap<>(entry);
            if (kept.containsKey("message")) {
                kept.put("message", PersonalData.REMOVED);
            }
            timeline.add(kept);
        }
        expected.put("timeline", timeline);
        return expected;
    }

    Map<String, Object> open(String agent, String service, String description, Map<String, Object> answers,
                             Map<String, Object> customer, Long customerId) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", service);
        request.put("channel", "phone");
        request.put("description", description);
        request.put("address", "120 King St E, Lakeport");
        request.put("latitude", 43.2200);
        request.put("longitude", -79.7900);
        request.put("answers", answers);
        if (customer != null) {
            request.put("customer", customer);
        }
        if (customerId != null) {
            request.put("customerId", customerId);
        }
        var response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    @SafeVarargs
    final void complete(String staff, String reference, Map<String, Object>... steps) {
        for (Map<String, Object> variables : steps) {
            var task = onlyDepartmentTask(reference);
            Map<String, Object> rest = new LinkedHashMap<>();
            variables.forEach((name, value) -> rest.put(name, Map.of("value", value)));
            assertThat(postJson(as(staff), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", staff))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(postJson(as(staff), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(requests.findByReference(reference).orElseThrow().getStatus().code()).isEqualTo("closed");
    }

    /** As if the case had come in through an Open311 app, with what such an app sends beyond the case. */
    long openedThroughOpen311(long caseId) {
        String hash = String.format("%064x", ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        jdbc.update("INSERT INTO api_key (app_name, contact, key_hash, key_prefix, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                "Retention test app", "app@example.org", hash, "ret", LocalDateTime.ofInstant(OLD_DAY, java.time.ZoneOffset.UTC), "ret-agent");
        long key = jdbc.queryForObject("SELECT id FROM api_key WHERE key_hash = ?", Long.class, hash);
        jdbc.update("INSERT INTO open311_request (case_id, api_key_id, media_url, address_id, device_id, account_id) VALUES (?, ?, ?, ?, ?, ?)",
                caseId, key, "https://photos.example.org/rita.jpg", "addr-12-elm", "device-rita-phone", "rita-account");
        return key;
    }

    String surveyToken(long caseId) {
        for (Notification n : outbox.forCase(caseId)) {
            Matcher m = SURVEY_LINK.matcher(n.getBody());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no survey link in the notices of case " + caseId);
    }

    Map<String, Object> view(String agent, String reference) {
        var response = getJson(as(agent), "/api/cases/" + reference);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    long caseId(String reference) {
        return requests.findByReference(reference).orElseThrow().getId();
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    static Instant toronto(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant();
    }

    static String unique(String who) {
        return who + "-" + System.nanoTime();
    }

    /** A phone number no other test uses, so that the intake does not find someone else's customer. */
    static String phone() {
        return String.format("289-%03d-%04d", ThreadLocalRandom.current().nextInt(200, 1000), ThreadLocalRandom.current().nextInt(10000));
    }
}
