package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.ServiceRequests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox delivered to a real SMTP server (GreenMail): one message per milestone, none lost while the server is
 * down, none sent twice when a sender stops mid-batch.
 */
class OutboxDeliveryTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    OutboxSender sender;
    @Autowired
    Outbox outbox;
    @Autowired
    Notifications notifications;
    @Autowired
    ServiceRequests requests;

    /** A councillor inquiry taken to closed: five milestones, five notices for the ward's councillor. */
    private String closedCouncillorInquiry() {
        String agent = user("it-council", "council-office");
        String staff = user("it-transportation", "transportation");
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "councillor-inquiry", "channel", "council",
                "address", "Mountain Brow Blvd", "latitude", 43.2200, "longitude", -79.9000,
                "answers", Map.of("councillor", "Councillor Priya Natarajan", "topic", "roads-traffic",
                        "inquiry", "Speeding at the school crossing.", "residentConsent", true)));
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");
        complete(staff, onlyDepartmentTask(reference), Map.of("findings", "Study booked", "needsSiteVisit", false));
        complete(staff, onlyDepartmentTask(reference), Map.of("resolutionNote", "A radar sign goes up next week."));
        return reference;
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest));
    }

    private List<MimeMessage> received(String reference) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(reference + " ");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<Notification> notices(String reference) {
        return outbox.forCase(requests.findByReference(reference).orElseThrow().getId());
    }

    private void deliverAll() {
        while (sender.deliverDue(100) > 0) {
            // until nothing due is left
        }
    }

    @Test
    void exactlyOneMessagePerMilestone() throws Exception {
        String reference = closedCouncillorInquiry();
        deliverAll();
        deliverAll();

        List<MimeMessage> mails = received(reference);
        assertThat(mails).hasSize(5);
        assertThat(mails).extracting(MimeMessage::getSubject).doesNotHaveDuplicates()
                .contains(reference + " · Councillor inquiry: closed");
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("ward3@council.lakeport.example");
        assertThat(mails).extracting(m -> header(m, "Message-ID")).doesNotHaveDuplicates();
        assertThat(notices(reference)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(n.getAttempts()).isEqualTo(1);
            assertThat(n.getSentAt()).isNotNull();
        });
    }

    @Test
    void nothingIsLostWhileTheMailServerIsDown() throws Exception {
        // Other tests leave notices in the shared outbox: send those first, so that this batch holds only this case's.
        deliverAll();
        smtp.stop();
        String reference = closedCouncillorInquiry();
        sender.deliverDue(100);
        assertThat(notices(reference)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.RETRY);
            assertThat(n.getAttempts()).isEqualTo(1);
            assertThat(n.getLastError()).isNotBlank();
        });

        // The server comes back; the next attempt is due a minute later.
        smtp.start();
        sender.deliverDue(100);
        assertThat(received(reference)).as("not before the retry is due").isEmpty();
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofMinutes(5))));
        deliverAll();

        assertThat(received(reference)).hasSize(5);
        assertThat(notices(reference)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(n.getAttempts()).isEqualTo(2);
        });
    }

    @Test
    void aSenderStoppedMidBatchSendsNothingTwice() throws Exception {
        String reference = closedCouncillorInquiry();
        deliverAll();
        int before = received(reference).size();
        assertThat(before).isEqualTo(5);

        // Another inquiry; the sender stops after two notices (a batch cut short), and a fresh start sends the rest.
        String second = closedCouncillorInquiry();
        sender.deliverDue(2);
        assertThat(received(second)).hasSize(2);
        deliverAll();
        assertThat(received(second)).hasSize(5).extracting(MimeMessage::getSubject).doesNotHaveDuplicates();

        // A notice a sender claimed and never finished (it died mid-send) waits for the lease, then goes once.
        String third = closedCouncillorInquiry();
        Notification held = notices(third).get(0);
        assertThat(transactionalClaim(held.getId())).isEqualTo(1);
        deliverAll();
        assertThat(received(third)).as("the held one is not sent while its lease runs").hasSize(4);
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofMinutes(11))));
        deliverAll();
        assertThat(received(third)).hasSize(5).extracting(MimeMessage::getSubject).doesNotHaveDuplicates();
        assertThat(received(reference)).hasSize(before);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private int transactionalClaim(Long id) {
        return transactions.execute(tx -> notifications.claim(id, "a-sender-that-died", ClockUtil.getCurrentTime().toInstant()));
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
