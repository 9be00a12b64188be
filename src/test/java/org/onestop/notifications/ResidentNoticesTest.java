package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.ServiceRequests;
import org.onestop.testing.FakeSmsGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Residents' notices through a real SMTP server (GreenMail): one per milestone from intake to closure, with the
 * survey link when resolved; nothing for a customer who opted out; what "waiting for you" asks for; none lost while
 * the server is down; none twice when a sender stops mid-batch; SMS for those who prefer it, through a local SMS
 * gateway (FakeSmsGateway).
 */
@ExtendWith(OutputCaptureExtension.class)
class ResidentNoticesTest extends IntegrationTest {

    @RegisterExtension
    final FakeSmsGateway gateway = new FakeSmsGateway();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    static final String SCRIPT = "<script>alert(1)</script>";
    static final Pattern SURVEY_LINK = Pattern.compile("http://localhost:8080/survey/([A-Za-z0-9_-]{43})");
    static final Pattern OPT_OUT_LINK = Pattern.compile("http://localhost:8080/notices/opt-out/([A-Za-z0-9_-]{43})");

    @Autowired
    OutboxSender sender;
    @Autowired
    Outbox outbox;
    @Autowired
    ServiceRequests requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.flywaydb.core.Flyway flyway;
    @Autowired
    org.onestop.customers.CustomerService customerService;
    @Autowired
    org.onestop.cases.AdditionalReporters reporters;
    @Autowired
    org.onestop.selfservice.StatusLinks statusLinks;

    static String uniqueEmail(String who) {
        return who + "-" + System.nanoTime() + "@example.org";
    }

    /** Opens a pothole case for a resident; the answers keep it in office hours with the roads department. */
    static Map<String, Object> potholeFor(Map<String, Object> customer, String description) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "web");
        request.put("description", description);
        request.put("address", "120 King St E, Lakeport");
        request.put("customer", customer);
        request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        return request;
    }

    String open(Map<String, Object> request) {
        String agent = user("rn-agent", "contact-centre");
        var response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return (String) response.getBody().get("reference");
    }

    void complete(String staff, String reference, Map<String, Object> variables) {
        var task = onlyDepartmentTask(reference);
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        postJson(as(staff), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", staff));
        assertThat(postJson(as(staff), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest))
                .getStatusCode().value()).isEqualTo(204);
    }

    /** The pothole's three tasks: inspect, schedule, repair (with the resolution note); the case closes. */
    void workToClosure(String reference, String resolution) {
        String roads = user("rn-roads", "roads");
        complete(roads, reference, Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Small hole"));
        complete(roads, reference, Map.of("crew", "east-yard", "plannedDate", "2026-12-01"));
        complete(roads, reference, Map.of("repairMethod", "hot-mix", "resolutionNote", resolution));
        assertThat(requests.findByReference(reference).orElseThrow().getStatus().code()).isEqualTo("closed");
    }

    List<Notification> notices(String reference, String recipient) {
        return outbox.forCase(requests.findByReference(reference).orElseThrow().getId()).stream()
                .filter(n -> n.getRecipient().equals(recipient)).toList();
    }

    List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    void deliverAll() {
        while (sender.deliverDue(100) > 0) {
            // until nothing due is left
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallerAddedToTheCaseIsToldAtOnceAndHearsAboutEveryMilestoneFromThenOn() throws Exception {
        deliverAll();
        String first = uniqueEmail("first");
        String second = uniqueEmail("second");
        String reference = open(potholeFor(Map.of("name", "First Caller", "email", first), "Hole by the school"));
        var secondCaller = customerService.findOrCreate(new org.onestop.customers.CustomerDetails("Second Caller", null, second,
                null, org.onestop.customers.ContactPreference.EMAIL));
        reporters.add(reference, secondCaller.getId(), org.onestop.cases.Channel.PHONE, "rn-agent");
        workToClosure(reference, "Filled.");
        deliverAll();

        assertThat(mailsTo(first)).hasSize(5);
        assertThat(mailsTo(second)).extracting(ResidentNoticesTest::subject).containsExactly(
                reference + " · Pothole or road defect: we received your request",
                reference + " · Pothole or road defect: a team has taken on your request",
                reference + " · Pothole or road defect: work is in progress",
                reference + " · Pothole or road defect: resolved",
                reference + " · Pothole or road defect: closed");
        // What the first caller told us is theirs: the second caller's "received" notice does not quote it.
        assertThat(GreenMailUtil.getBody(mailsTo(second).get(0)).replace("=\r\n", "")).doesNotContain("Hole by the school");
        assertThat(GreenMailUtil.getBody(mailsTo(first).get(0)).replace("=\r\n", "")).contains("Hole by the school");
        assertThat(GreenMailUtil.getBody(mailsTo(second).get(0)).replace("=\r\n", "")).contains(reference)
                .containsPattern("/status/" + reference + "\\?key=[A-Za-z0-9_-]{22}");
        assertThat(GreenMailUtil.getBody(mailsTo(second).get(3))).contains("/survey/");
    }

    @Test
    void aFrenchSpeakingResidentGetsEveryNoticeInFrench() throws Exception {
        deliverAll();
        String email = uniqueEmail("marie");
        String reference = open(potholeFor(Map.of("name", "Marie Tremblay", "email", email, "preferredChannel", "email",
                "language", "fr"), "Trou profond"));
        workToClosure(reference, "Nid-de-poule réparé");
        deliverAll();
        deliverAll();

        List<MimeMessage> mails = mailsTo(email);
        String service = reference + " · Nid-de-poule ou défaut de la chaussée\u00a0: ";
        assertThat(mails).extracting(ResidentNoticesTest::subject).containsExactly(
                service + "nous avons reçu votre demande",
                service + "une équipe a pris en charge votre demande",
                service + "travaux en cours",
                service + "demande réglée",
                service + "demande fermée");
        Notification received = notices(reference, email).get(0);
        assertThat(received.getBody()).contains("Bonjour Marie Tremblay", "Règlement prévu d’ici le", "Pour ne plus les recevoir",
                        "Suivre votre demande\u00a0: http://localhost:8080/status/" + reference)
                .containsPattern("(lundi|mardi|mercredi|jeudi|vendredi) \\d{1,2} [a-zéû]+ 20\\d\\d, \\d{1,2} h \\d\\d");
    }

    @Test
    void aResidentIsToldWhenTheRequestPassesToAnotherDepartment() throws Exception {
        deliverAll();
        String email = uniqueEmail("moved");
        String reference = open(potholeFor(Map.of("name", "Moved Caller", "email", email), "Hole at the lights"));
        String supervisor = user("rn-roads-supervisor", "roads-supervisors");
        assertThat(postJson(as(supervisor), "/api/cases/" + reference + "/transfer", Map.of("department", "transportation",
                "reason", "The signal loop is broken, not the road")).getStatusCode().value()).isEqualTo(200);
        deliverAll();

        List<MimeMessage> moved = mailsTo(email).stream().filter(m -> subject(m).endsWith("passed to another team")).toList();
        assertThat(moved).hasSize(1);
        assertThat(GreenMailUtil.getBody(moved.get(0)).replace("=\r\n", ""))
                .contains("Passed from Roads to Transportation: The signal loop is broken, not the road");
    }

    @Test
    void exactlyOneNoticePerMilestoneFromIntakeToClosureWithTheSurveyLinkWhenResolved() throws Exception {
        deliverAll();
        String email = uniqueEmail("jane");
        String reference = open(potholeFor(Map.of("name", "Jane Resident", "email", email), "Deep hole " + SCRIPT));
        workToClosure(reference, "Filled with hot-mix " + SCRIPT);
        deliverAll();
        deliverAll();

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).extracting(ResidentNoticesTest::subject).containsExactly(
                reference + " · Pothole or road defect: we received your request",
                reference + " · Pothole or road defect: a team has taken on your request",
                reference + " · Pothole or road defect: work is in progress",
                reference + " · Pothole or road defect: resolved",
                reference + " · Pothole or road defect: closed");
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.getContentType()).startsWith("text/plain");
            assertThat(GreenMailUtil.getBody(m)).isNotBlank();
        });
        List<Notification> notices = notices(reference, email);
        assertThat(notices).hasSize(5).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(n.getChannel()).isEqualTo("email");
            assertThat(n.getBody()).contains("Follow your request: http://localhost:8080/status/" + reference);
            // The links' tokens and key went out in the mail; the outbox keeps the notice without them once delivered.
            assertThat(n.getBody()).doesNotContainPattern(OPT_OUT_LINK).contains("/notices/opt-out/[removed]")
                    .contains("/status/" + reference + "?key=[removed]");
        });
        // Every mail carries the same own link, computed again each time (nothing is stored per case).
        assertThat(mails).allSatisfy(m -> assertThat(GreenMailUtil.getBody(m).replace("=\r\n", "")).containsPattern(OPT_OUT_LINK)
                .contains("Follow your request: http://localhost:8080" + statusLinks.path(reference)));
        assertThat(notices).extracting(Notification::getDedupeKey)
                .containsExactly("received:0", "acknowledged:0", "in-progress:0", "resolved:0", "closed:0");

        String received = notices.get(0).getBody();
        assertThat(received).startsWith("Hello Jane Resident,").contains(reference, "Expected to be resolved by: ")
                .contains("What you told us: Deep hole " + SCRIPT);
        String resolved = notices.get(3).getBody();
        assertThat(resolved).contains("What we did: Filled with hot-mix " + SCRIPT);
        assertThat(resolved).doesNotContainPattern(SURVEY_LINK).contains("/survey/[removed]");
        Matcher survey = SURVEY_LINK.matcher(GreenMailUtil.getBody(mails.get(3)).replace("=\r\n", ""));
        assertThat(survey.find()).isTrue();
        // Only the token's hash is stored.
        assertThat(jdbc.queryForObject("select count(*) from survey where token_hash = ?", Integer.class, survey.group(1))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from survey s join service_request r on r.id = s.case_id where r.reference = ?",
                Integer.class, reference)).isEqualTo(1);
        assertThat(mails.stream().filter(m -> SURVEY_LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "")).find())).hasSize(1);
    }

    @Test
    void aCustomerWhoOptedOutGetsNothingFurther() {
        String email = uniqueEmail("optout");
        Map<String, Object> customer = Map.of("name", "Olive Out", "email", email);
        String first = open(potholeFor(customer, "A hole"));
        List<Notification> before = notices(first, email);
        assertThat(before).hasSize(1);
        Matcher token = OPT_OUT_LINK.matcher(before.get(0).getBody());
        assertThat(token.find()).isTrue();
        // Only the token's SHA-256 is stored; Spring Boot's Flyway ran the Java migration that hashed the older ones.
        assertThat(jdbc.queryForObject("select count(*) from notice_token where token_hash = ?", Integer.class, OptOuts.hash(token.group(1))))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notice_token where token_hash = ?", Integer.class, token.group(1))).isZero();
        assertThat(flyway.info().applied()).anySatisfy(m -> {
            assertThat(m.getVersion().getVersion()).isEqualTo("13.2");
            assertThat(m.getState()).isEqualTo(org.flywaydb.core.api.MigrationState.SUCCESS);
        });

        assertThat(http.postForEntity("/notices/opt-out/" + token.group(1), null, String.class).getStatusCode().value())
                .as("a form post without the CSRF token is refused").isEqualTo(403);
        OptOutPageFlow.optOut(http.getRootUri(), token.group(1));

        workToClosure(first, "Filled");
        assertThat(notices(first, email)).as("only the notice written before the opt-out").hasSize(1);
        String second = open(potholeFor(customer, "Another hole"));
        assertThat(notices(second, email)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from survey s join service_request r on r.id = s.case_id where r.reference = ?",
                Integer.class, first)).as("no survey link was sent, so none was made").isZero();

        OptOutPageFlow.optIn(http.getRootUri(), token.group(1));
        String third = open(potholeFor(customer, "A third hole"));
        assertThat(notices(third, email)).hasSize(1);
        deliverAll();
    }

    @Test
    void waitingForYouSaysWhatIsNeeded() {
        String email = uniqueEmail("noise");
        Map<String, Object> request = new HashMap<>(potholeFor(Map.of("name", "Nora Neighbour", "email", email), "Loud music"));
        request.put("serviceCode", "noise-complaint");
        request.put("answers", Map.of("noiseSource", "other", "ongoing", false, "recurring", false));
        String reference = open(request);
        String bylaw = user("rn-bylaw", "bylaw");
        complete(bylaw, reference, Map.of("nextStep", "need-more-information", "informationNeeded", "Which unit the noise comes from " + SCRIPT));

        List<Notification> notices = notices(reference, email);
        assertThat(notices).extracting(Notification::getSubject).containsExactly(
                reference + " · Noise complaint: we received your request",
                reference + " · Noise complaint: a team has taken on your request",
                reference + " · Noise complaint: work is in progress",
                reference + " · Noise complaint: we need something from you");
        assertThat(notices.get(3).getBody())
                .contains("What we are doing: Contact complainant for more information")
                .contains("What we need from you: Which unit the noise comes from " + SCRIPT)
                .contains("does not count against our service standard");
        assertThat(notices.get(3).getDedupeKey()).isNull();
        deliverAll();
    }

    @Test
    void noneIsLostWhileTheMailServerIsDown(CapturedOutput log) {
        deliverAll();
        smtp.stop();
        String email = uniqueEmail("down");
        String reference = open(potholeFor(Map.of("name", "Dana Down", "email", email), "A hole"));
        workToClosure(reference, "Filled");
        sender.deliverDue(100);
        assertThat(notices(reference, email)).hasSize(5).allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.RETRY));

        smtp.start();
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofMinutes(5))));
        deliverAll();
        assertThat(mailsTo(email)).hasSize(5).extracting(ResidentNoticesTest::subject).doesNotHaveDuplicates();
        assertThat(notices(reference, email)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(n.getAttempts()).isEqualTo(2);
        });
        // The failures were logged, without the resident's address or name (they stay on the notice).
        assertThat(log.getOut()).contains("not delivered (attempt 1)").doesNotContain(email, "Dana Down");
    }

    @Test
    void aSenderStoppedMidBatchSendsNothingTwice() {
        deliverAll();
        String email = uniqueEmail("batch");
        String reference = open(potholeFor(Map.of("name", "Bea Batch", "email", email), "A hole"));
        workToClosure(reference, "Filled");
        assertThat(sender.deliverDue(2)).isEqualTo(2);
        assertThat(mailsTo(email)).hasSize(2);
        deliverAll();
        deliverAll();
        assertThat(mailsTo(email)).hasSize(5).extracting(ResidentNoticesTest::subject).doesNotHaveDuplicates();
    }

    @Test
    void residentsWhoPreferSmsGetAShortTextThroughTheGatewayAndThoseWhoPreferPhoneGetNothing(CapturedOutput log) {
        deliverAll();
        String email = uniqueEmail("sms");
        String reference = open(potholeFor(Map.of("name", "Sam Texter", "email", email, "phone", "(905) 555-0199",
                "preferredChannel", "sms"), "A hole"));
        workToClosure(reference, "Filled");
        Long caseId = requests.findByReference(reference).orElseThrow().getId();
        List<Notification> notices = outbox.forCase(caseId);
        assertThat(notices).hasSize(5).allSatisfy(n -> {
            assertThat(n.getChannel()).isEqualTo("sms");
            assertThat(n.getRecipient()).isEqualTo("9055550199");
            assertThat(n.getBody()).startsWith("City of Lakeport: ").contains(reference).doesNotContain("\n").hasSizeLessThanOrEqualTo(300);
        });
        assertThat(notices.get(3).getBody()).containsPattern(SURVEY_LINK);
        List<String> texts = notices.stream().map(Notification::getBody).toList();

        // The gateway is failing: nothing is marked sent, and the log names neither the number nor the resident.
        gateway.answer(503);
        sender.deliverDue(100);
        assertThat(outbox.forCase(caseId)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.RETRY);
            assertThat(n.getLastError()).contains("503");
        });
        assertThat(gateway.received()).isEmpty();

        // It is back: each text goes out once, as the gateway's API wants it.
        gateway.answer(201);
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofMinutes(5))));
        deliverAll();
        assertThat(outbox.forCase(caseId)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(n.getBody()).doesNotContainPattern(SURVEY_LINK).doesNotContainPattern(OPT_OUT_LINK);
        });
        assertThat(gateway.received()).hasSize(5).allSatisfy(m -> {
            assertThat(m.to()).isEqualTo("+19055550199");
            assertThat(m.from()).isEqualTo("+12895550100");
            assertThat(m.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ACtest:test-token".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(gateway.received()).extracting(FakeSmsGateway.Message::body).containsExactlyElementsOf(texts);
        assertThat(gateway.received()).extracting(FakeSmsGateway.Message::idempotencyKey).doesNotHaveDuplicates().allMatch(k -> k.startsWith("notice-"));
        assertThat(mailsTo(email)).isEmpty();
        assertThat(log.getOut()).contains("by sms not delivered (attempt 1)").doesNotContain("9055550199", "555-0199", "Sam Texter", email);

        String phone = open(potholeFor(Map.of("name", "Pat Phoner", "email", uniqueEmail("phone"), "phone", "(905) 555-0198",
                "preferredChannel", "phone"), "A hole"));
        assertThat(outbox.forCase(requests.findByReference(phone).orElseThrow().getId())).isEmpty();
    }
}
