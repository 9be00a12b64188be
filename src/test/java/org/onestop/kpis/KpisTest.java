package org.onestop.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.access.CaseAccessPolicy.KpiReach;
import org.onestop.cases.CaseFigures;
import org.onestop.cases.ServiceRequests;
import org.onestop.customers.ContactFigures;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.onestop.notifications.Notification;
import org.onestop.notifications.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each measure on a small fixed data set, built through the real intake, task completion and the contact log on a
 * fixed clock in the first week of March 2031 (a period no other test uses), against values worked out by hand.
 * Calendar-clock services only (urgent potholes: acknowledge within 2 h, resolve within 1 day; a noise complaint
 * happening now: 2 h and 12 h), so the due dates are plain arithmetic.
 */
class KpisTest extends IntegrationTest {

    static final String PERIOD = "from=2031-03-03&to=2031-03-08";

    @Autowired
    ContactLog contactLog;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ServiceRequests requests;

    @Autowired
    CaseFigures caseFigures;

    @Autowired
    ContactFigures contactFigures;

    @Autowired
    org.onestop.survey.SurveyService surveys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Kpis measures;

    /** The scorecards' 13-month trend, counted all months together, equals each month counted as a period is. */
    private void trendIsEachMonthsReport(java.time.YearMonth last) {
        for (KpiReach reach : List.of(new KpiReach(null, true, true), new KpiReach(java.util.Set.of("roads"), true, false),
                new KpiReach(java.util.Set.of(), false, true))) {
            List<Kpis.Month> trend = measures.monthly(last, 13, reach);
            assertThat(trend).as("%s", reach).hasSize(13).isEqualTo(measures.monthByMonth(last, 13, reach));
            assertThat(trend.get(12).values()).as("%s", reach).isEqualTo(measures.report(last.atDay(1), last.plusMonths(1).atDay(1), null,
                    reach).overall());
        }
    }

    @Autowired
    Outbox outbox;

    static final Pattern SURVEY_LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");

    static Instant toronto(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/Toronto")).toInstant();
    }

    static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(toronto(localDateTime)));
    }

    @Test
    void everyMeasureOnAFixedDataSet() throws IOException {
        String agent = user("kpi-agent", "contact-centre");
        String roads = user("kpi-roads", "roads");
        String roadsSupervisor = user("kpi-roads-supervisor", "roads-supervisors");
        String manager = user("kpi-manager", "managers");
        String nobody = user("kpi-owner", "process-owners");

        // Previous period [2031-02-26, 2031-03-03): one pothole by web.
        at("2031-02-27T10:00");
        open(agent, "web", pothole());

        // A: phone, Mon 3 March 09:00; acknowledged 10:00 (1 h, ack-by 11:00), resolved 15:00 (6 h, resolve-by 4 March 09:00).
        at("2031-03-03T09:00");
        String a = (String) open(agent, "phone", pothole()).get("reference");
        at("2031-03-03T10:00");
        claim(roads, a);
        completeAll(roads, a);
        at("2031-03-03T15:00");
        completeLast(roads, a);

        // B: web, 12:00, under the old standard (resolve within P1D: resolve-by 4 March 12:00); acknowledged 13:00 (1 h).
        at("2031-03-03T12:00");
        Map<String, Object> b = open(agent, "web", pothole());
        assertThat(Instant.parse((String) b.get("resolveBy"))).isEqualTo(toronto("2031-03-04T12:00"));
        at("2031-03-03T13:00");
        claim(roads, (String) b.get("reference"));

        // 4 March 07:00: the standard changes, an urgent pothole is now to be resolved within 6 hours.
        at("2031-03-04T07:00");
        String original = new String(getClass().getResourceAsStream("/dmn/standards-pothole.dmn") != null
                ? getClass().getResourceAsStream("/dmn/standards-pothole.dmn").readAllBytes()
                : Files.readAllBytes(Path.of("dmn/standards-pothole.dmn")), StandardCharsets.UTF_8);
        String changed = original.replaceFirst("(<outputEntry id=\"Rule_PotholeUrgent_ResolveWithin\">\\s*<text>)\"P1D\"", "$1\"PT6H\"");
        assertThat(changed).isNotEqualTo(original);
        String deployment = repositoryService.createDeployment().name("kpis-test-standard")
                .addString("standards-pothole.dmn", changed).deploy().getId();
        try {
            // B resolved 08:00 (20 h after it came in): late under the new standard, within the one in force at its creation.
            at("2031-03-04T08:00");
            completeAll(roads, (String) b.get("reference"));
            completeLast(roads, (String) b.get("reference"));

            // C: phone, 09:00, the new standard: ack-by 11:00, resolve-by 15:00. Acknowledged late at 12:00 (3 h);
            // transferred to Transportation at 12:30 (an urgent case keeps its clock); still open.
            at("2031-03-04T09:00");
            Map<String, Object> c = open(agent, "phone", pothole());
            assertThat(Instant.parse((String) c.get("resolveBy"))).isEqualTo(toronto("2031-03-04T15:00"));
            at("2031-03-04T12:00");
            claim(roads, (String) c.get("reference"));
            at("2031-03-04T12:30");
            assertThat(postJson(as(roadsSupervisor), "/api/cases/" + c.get("reference") + "/transfer",
                    Map.of("department", "transportation", "reason", "Traffic signal pole")).getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }

        // D: a private noise complaint by phone, 10:00 (Bylaw, high: ack-by 12:00, resolve-by 22:00); never acknowledged.
        at("2031-03-04T10:00");
        Map<String, Object> d = open(agent, "phone", Map.of("serviceCode", "noise-complaint",
                "answers", Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", false)));
        assertThat(d).containsEntry("department", "bylaw").containsEntry("priority", "high");

        // Contacts ending 4 March 11:00: phone 240 s answered, phone 600 s case opened, phone 300 s answered,
        // walk-in 900 s referred elsewhere.
        at("2031-03-04T11:00");
        contact("phone", ContactOutcome.ANSWERED, 240);
        contact("phone", ContactOutcome.CASE_OPENED, 600);
        contact("phone", ContactOutcome.ANSWERED, 300);
        contact("walk-in", ContactOutcome.REFERRED_ELSEWHERE, 900);

        // Now: Wednesday 5 March 10:00.
        at("2031-03-05T10:00");
        Map<String, Object> all = kpis(manager, PERIOD);
        Map<String, Object> overall = map(all.get("overall"));
        // 4 requests (A, B, C, D); 3 acknowledged after 1 h, 1 h, 3 h: (1 + 1 + 3) / 3 = 1.67 h.
        assertThat(overall).containsEntry("requests", 4).containsEntry("acknowledged", 3)
                .containsEntry("average-speed-of-response-hours", 1.67)
                // counted: A, B, C acknowledged, and D past its ack-by; within: A and B → 2 / 4 = 50 %.
                .containsEntry("acknowledge-due", 4).containsEntry("acknowledged-within-standard", 2)
                .containsEntry("acknowledged-within-standard-pct", 50.0)
                // resolved: A after 6 h and B after 20 h: (6 + 20) / 2 = 13 h. B within its 1-day standard of creation.
                .containsEntry("resolved", 2).containsEntry("average-time-to-resolve-hours", 13.0)
                // in business time (office 08:30–16:30): A 09:00 → 15:00 = 6 h; B Mon 12:00 → 16:30 = 4.5 h, Tue 08:00 is
                // before opening = 0 → 4.5 h: (6 + 4.5) / 2 = 5.25 h.
                .containsEntry("average-time-to-resolve-business-hours", 5.25)
                // counted: A, B resolved; C (past 15:00) and D (past 22:00) open and overdue → 2 / 4 = 50 %.
                .containsEntry("resolve-due", 4).containsEntry("resolved-within-standard", 2)
                .containsEntry("resolved-within-standard-pct", 50.0)
                .containsEntry("open", 2).containsEntry("overdue", 2).containsEntry("overdue-pct", 100.0)
                // one transfer (C) over 4 requests.
                .containsEntry("transfers-per-case", 0.25).containsEntry("transferred-pct", 25.0)
                .containsEntry("reopened", 0).containsEntry("reopen-rate-pct", 0.0)
                // 4 contacts, 3 resolved on first contact (two answered, one referred elsewhere) → 75 %; (240 + 600 + 300 + 900) / 4 = 510 s; p90: rank ⌈3.6⌉ = 4 → 900 s;
                // within optimum (phone 6 min, walk-in 10 min): 240 and 300 → 2 / 4; cost 3 × 6.50 + 12.00 = 31.50, / 4 = 7.875 → 7.88.
                .containsEntry("contacts", 4).containsEntry("first-contact-resolution-pct", 75.0)
                .containsEntry("average-handle-seconds", 510.0).containsEntry("p90-handle-seconds", 900)
                .containsEntry("within-optimum-handle-time-pct", 50.0).containsEntry("contact-cost", 31.5)
                .containsEntry("cost-per-contact", 7.88)
                .containsKeys("surveys-issued", "survey-response-rate-pct", "satisfaction");
        // Channels: phone A, C, D = 3 / 4 = 75 %, web B = 25 %; the previous period had web only (100 %).
        Map<String, Map<String, Object>> channels = groups(all.get("channels"));
        assertThat(channels.get("phone")).containsEntry("requests", 3).containsEntry("requests-share-pct", 75.0)
                .containsEntry("previous-requests-share-pct", 0.0).containsEntry("channel-shift-points", 75.0).containsEntry("contacts", 3);
        assertThat(channels.get("web")).containsEntry("requests", 1).containsEntry("requests-share-pct", 25.0)
                .containsEntry("previous-requests-share-pct", 100.0).containsEntry("channel-shift-points", -75.0);
        assertThat(channels.get("walk-in")).containsEntry("requests", 0).containsEntry("contacts", 1).containsEntry("cost-per-contact", 12.0);
        // Services: potholes 3 against 1 (+2, +200 %); noise complaints 1 against 0.
        assertThat((List<Map<String, Object>>) all.get("topServices")).extracting(t -> t.get("service"), t -> t.get("requests"), t -> t.get("change"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pothole", 3, 2), org.assertj.core.groups.Tuple.tuple("noise-complaint", 1, 1));
        assertThat(map(((List<?>) all.get("topServices")).get(0))).containsEntry("changePct", 200.0);
        assertThat((List<Map<String, Object>>) all.get("risingServices")).extracting(t -> t.get("service")).containsExactly("pothole", "noise-complaint");

        // By department: Roads A and B; Transportation C (transferred); Bylaw D.
        Map<String, Map<String, Object>> departments = groups(kpis(manager, PERIOD + "&by=department").get("groups"));
        assertThat(departments).containsOnlyKeys("roads", "transportation", "bylaw");
        assertThat(departments.get("roads")).containsEntry("requests", 2).containsEntry("resolved-within-standard-pct", 100.0);
        assertThat(departments.get("transportation")).containsEntry("requests", 1).containsEntry("transferred-pct", 100.0)
                .containsEntry("overdue", 1);
        assertThat(departments.get("bylaw")).containsEntry("requests", 1).containsEntry("acknowledged", 0);
        // By channel: the cases' and the contacts' channels.
        Map<String, Map<String, Object>> byChannel = groups(kpis(manager, PERIOD + "&by=channel").get("groups"));
        assertThat(byChannel.get("phone")).containsEntry("requests", 3).containsEntry("contacts", 3);
        assertThat(byChannel.get("web")).containsEntry("requests", 1);
        // By ward: the same address, one ward.
        assertThat(groups(kpis(manager, PERIOD + "&by=ward").get("groups")).values()).extracting(g -> g.get("requests")).containsExactly(4);

        // A supervisor: Roads' cases only, no contact log.
        Map<String, Object> supervisors = kpis(roadsSupervisor, PERIOD + "&by=department");
        assertThat(groups(supervisors.get("groups"))).containsOnlyKeys("roads");
        assertThat(map(supervisors.get("overall"))).containsEntry("requests", 2).doesNotContainKey("contacts");
        // An agent: the contact-centre measures only.
        Map<String, Object> agents = kpis(agent, PERIOD);
        assertThat(map(agents.get("overall"))).containsEntry("contacts", 4).doesNotContainKeys("requests", "resolved-within-standard-pct");
        assertThat((List<?>) agents.get("channels")).isNotEmpty();
        assertThat(getJson(as(nobody), "/api/kpis?" + PERIOD).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Nothing names a case or a person.
        assertThat(all.toString()).doesNotContain(a, "kpi-agent", "Jamie");

        // The same figures when the rollup holds the period's days (kpi_case_day), and when a case changed since its
        // last pass (B's day counted from the cases again).
        // (and a whole month, whose contacts the rollup adds up per month, kpi_contact_month)
        Map<String, Object> month = kpis(manager, "from=2031-03-01&to=2031-04-01&by=channel");
        trendIsEachMonthsReport(java.time.YearMonth.of(2031, 4));
        try {
            assertThat(caseFigures.refreshRollup()).isPositive();
            assertThat(contactFigures.refreshRollup()).isPositive();
            trendIsEachMonthsReport(java.time.YearMonth.of(2031, 4));
            assertThat(kpis(manager, PERIOD)).isEqualTo(all);
            assertThat(kpis(manager, "from=2031-03-01&to=2031-04-01&by=channel")).isEqualTo(month);
            assertThat(groups(kpis(manager, PERIOD + "&by=department").get("groups"))).isEqualTo(departments);
            assertThat(groups(kpis(manager, PERIOD + "&by=channel").get("groups"))).isEqualTo(byChannel);
            assertThat(kpis(roadsSupervisor, PERIOD + "&by=department")).isEqualTo(supervisors);
            at("2031-03-05T10:05");
            jdbc.update("UPDATE service_request SET transfers = 2, updated_at = ? WHERE reference = ?",
                    java.sql.Timestamp.from(toronto("2031-03-05T10:04")), a);
            assertThat(map(kpis(manager, PERIOD).get("overall"))).containsEntry("transfers-per-case", 0.75)
                    .containsEntry("transferred-pct", 50.0);
            trendIsEachMonthsReport(java.time.YearMonth.of(2031, 3));

            // On 4 March at 23:00, C (resolve-by 15:00) and D (ack-by 12:00, resolve-by 22:00) fell due today before now:
            // the rollup holds only what fell due before today, today's come from the cases due today (V45's indexes),
            // and the figures are those counted from the cases.
            at("2031-03-04T23:00");
            Map<String, Object> lateOnTheFourth = kpis(manager, PERIOD + "&by=service");
            assertThat(map(lateOnTheFourth.get("overall"))).containsEntry("overdue", 2);
            trendIsEachMonthsReport(java.time.YearMonth.of(2031, 3));
            caseFigures.dropRollup();
            assertThat(kpis(manager, PERIOD + "&by=service")).isEqualTo(lateOnTheFourth);

            // In June every case still pending from February to April fell due before today (the pothole of 27 February):
            // those months' "now" sums come from kpi_case_due_month (V47), the same as counted from the cases.
            at("2031-06-02T10:00");
            assertThat(caseFigures.refreshRollup()).isNotNegative();
            Map<String, Object> spring = kpis(manager, "from=2031-02-01&to=2031-05-01&by=department");
            // by June this test's three cases still open are overdue (other tests' cases of March may add to them)
            assertThat(((Number) map(spring.get("overall")).get("overdue")).intValue()).isGreaterThanOrEqualTo(3);
            trendIsEachMonthsReport(java.time.YearMonth.of(2031, 5));
            caseFigures.dropRollup();
            assertThat(kpis(manager, "from=2031-02-01&to=2031-05-01&by=department")).isEqualTo(spring);
        } finally {
            caseFigures.dropRollup();
            contactFigures.dropRollup();
            jdbc.update("UPDATE service_request SET transfers = 0 WHERE reference = ?", a);
        }

        // CSV: one row per group and measure.
        ResponseEntity<String> csv = csv(manager, "/api/kpis?" + PERIOD + "&by=department");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("section,group,measure,value,unit\r\n")
                .contains("overall,all,requests,4,count\r\n", "department,roads,requests,2,count\r\n",
                        "channel,phone,requests-share-pct,75.0,%\r\n", "top-services,pothole,change,2,count\r\n");
    }

    /**
     * The survey measures and the business-time measure on a week of their own (Mon 10 – Sun 16 March 2031): four
     * potholes reported on the web by residents with e-mail, each taken to resolution (the "resolved" notice issues the
     * survey), three answered through the survey page.
     */
    @Test
    void surveyAndBusinessTimeMeasuresOnAFixedDataSet() throws Exception {
        String agent = user("kpi-agent", "contact-centre");
        String roads = user("kpi-roads", "roads");
        String manager = user("kpi-manager", "managers");
        // P: Mon 09:00 → 11:00: 2 h calendar, 2 h business.
        String p = resolved(agent, roads, "2031-03-10T09:00", "2031-03-10T11:00");
        // Q: Tue 16:00 → Wed 09:00: 17 h calendar; business 16:00–16:30 + 08:30–09:00 = 1 h.
        String q = resolved(agent, roads, "2031-03-11T16:00", "2031-03-12T09:00");
        // T: Thu 10:00 → 12:00: 2 h and 2 h.
        resolved(agent, roads, "2031-03-13T10:00", "2031-03-13T12:00");
        // R: Fri 15:30 → Sat 10:30: 19 h calendar; business 15:30–16:30 = 1 h (Saturday is no business day).
        String r = resolved(agent, roads, "2031-03-14T15:30", "2031-03-15T10:30");
        // Answers on Sunday: P rating 5, ease 5; Q rating 3, ease 4; R rating 1, ease 1 — all fixed; T unanswered.
        at("2031-03-16T10:00");
        answer(p, "5", "5");
        answer(q, "3", "4");
        answer(r, "1", "1");

        at("2031-03-17T10:00");
        Map<String, Object> overall = map(kpis(manager, "from=2031-03-10&to=2031-03-17").get("overall"));
        // Calendar: (2 + 17 + 2 + 19) / 4 = 10 h; business: (2 + 1 + 2 + 1) / 4 = 1.5 h.
        assertThat(overall).containsEntry("requests", 4).containsEntry("resolved", 4)
                .containsEntry("average-time-to-resolve-hours", 10.0)
                .containsEntry("average-time-to-resolve-business-hours", 1.5)
                // 4 surveys issued (one per resolution), 3 answered → 75 %; satisfaction (5 + 3 + 1) / 3 = 3.0;
                // ease (5 + 4 + 1) / 3 = 3.33; easy (4 or 5): P and Q → 2 / 3 = 66.7 %; fixed 3 / 3 = 100 %.
                .containsEntry("surveys-issued", 4).containsEntry("survey-responses", 3)
                .containsEntry("survey-response-rate-pct", 75.0).containsEntry("satisfaction", 3.0)
                .containsEntry("ease-of-effort", 3.33).containsEntry("easy-pct", 66.7)
                .containsEntry("survey-fixed-pct", 100.0);
        // By service: the same four, all potholes.
        assertThat(groups(kpis(manager, "from=2031-03-10&to=2031-03-17&by=service").get("groups")).get("pothole"))
                .containsEntry("ease-of-effort", 3.33).containsEntry("easy-pct", 66.7).containsEntry("satisfaction", 3.0)
                .containsEntry("average-time-to-resolve-business-hours", 1.5);
        // The week before has none of them: no ease of effort rather than 0.
        assertThat(map(kpis(manager, "from=2031-03-03&to=2031-03-10").get("overall")))
                .containsEntry("ease-of-effort", null).containsEntry("easy-pct", null);

        // The same from the rollups (kpi_survey_day, and kpi_case_due for what is due now), and when a survey was
        // answered since the last pass (its day counted from the surveys again).
        Map<String, Object> byService = kpis(manager, "from=2031-03-10&to=2031-03-17&by=service");
        Map<String, Object> byDepartment = kpis(manager, "from=2031-03-10&to=2031-03-17&by=department");
        // (and whole months: the month of March and the quarter around it, from kpi_survey_month, V48)
        Map<String, Object> march = kpis(manager, "from=2031-03-01&to=2031-04-01&by=service");
        Map<String, Object> quarter = kpis(manager, "from=2031-02-01&to=2031-05-01&by=department");
        try {
            assertThat(caseFigures.refreshRollup()).isPositive();
            assertThat(surveys.refreshRollup()).isPositive();
            assertThat(jdbc.queryForObject("SELECT SUM(issued) FROM kpi_survey_month WHERE on_month = ?", Long.class,
                    java.sql.Date.valueOf("2031-03-01"))).isPositive();
            assertThat(kpis(manager, "from=2031-03-01&to=2031-04-01&by=service")).isEqualTo(march);
            assertThat(kpis(manager, "from=2031-02-01&to=2031-05-01&by=department")).isEqualTo(quarter);
            trendIsEachMonthsReport(java.time.YearMonth.of(2031, 3));
            assertThat(map(kpis(manager, "from=2031-03-10&to=2031-03-17").get("overall"))).isEqualTo(overall);
            assertThat(kpis(manager, "from=2031-03-10&to=2031-03-17&by=service")).isEqualTo(byService);
            assertThat(kpis(manager, "from=2031-03-10&to=2031-03-17&by=department")).isEqualTo(byDepartment);
            at("2031-03-17T11:00");
            jdbc.update("UPDATE survey SET rating = 1, answered_at = ? WHERE case_id = (SELECT id FROM service_request WHERE reference = ?)",
                    java.sql.Timestamp.from(toronto("2031-03-17T10:59")), p);
            assertThat(map(kpis(manager, "from=2031-03-10&to=2031-03-17").get("overall"))).containsEntry("satisfaction", 1.67);
            trendIsEachMonthsReport(java.time.YearMonth.of(2031, 3));

        } finally {
            caseFigures.dropRollup();
            surveys.dropRollup();
        }
    }

    /**
     * A run of three or more whole months of contacts is read from the running totals (V46, kpi_contact_total): the
     * same figures as counted from the log, for a run from the first month with contacts, runs that start later (the
     * earlier total taken off), a run past the last month and one before the first; runs of one and two months come
     * from the months' rows. 1,100 contacts in 2029, the last 1,000 logged ending in December (the rollup's overlap:
     * December counts as changed since its pass), so January to November are whole months the rollup holds.
     */
    @Test
    void contactsOfLongPeriodsComeFromTheRunningTotals() {
        String manager = user("kpi-totals-manager", "managers");
        java.util.Random random = new java.util.Random(7);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int k = 0; k < 1_100; k++) {
            int month = k < 100 ? 1 + k % 11 : 12;
            Instant ended = toronto(String.format("2029-%02d-%02dT10:00", month, 1 + random.nextInt(28))).plusSeconds(k);
            int seconds = 30 + random.nextInt(900);
            rows.add(new Object[] {k % 3 == 0 ? "email" : "phone", "KpisTest running totals", k % 2 == 0 ? "pothole" : "missed-collection",
                    k % 4 == 0 ? "ANSWERED" : "CASE_OPENED", k % 4 == 0, "kpi-totals-agent", java.sql.Timestamp.from(ended.minusSeconds(seconds)),
                    java.sql.Timestamp.from(ended), seconds});
        }
        jdbc.batchUpdate("INSERT INTO contact (channel, topic, service_code, outcome, first_contact_resolution, agent, started_at, ended_at,"
                + " handle_seconds) VALUES (?,?,?,?,?,?,?,?,?)", rows);
        List<String> periods = List.of("from=2029-01-01&to=2029-12-01&by=service", "from=2029-03-01&to=2029-12-01&by=channel",
                "from=2029-04-01&to=2029-11-01&by=service", "from=2028-10-01&to=2029-06-01&by=service", "from=2028-05-01&to=2028-12-01&by=channel",
                "from=2029-01-01&to=2030-01-01&by=service",
                // and runs too short for the totals, from the months' rows as stored: one month, two, a month and days
                "from=2029-02-01&to=2029-03-01&by=service", "from=2029-05-01&to=2029-07-01&by=channel", "from=2029-03-15&to=2029-05-01&by=service");
        Map<String, Map<String, Object>> fromTheLog = new java.util.LinkedHashMap<>();
        periods.forEach(p -> fromTheLog.put(p, kpis(manager, p)));
        assertThat(map(fromTheLog.get(periods.get(0)).get("overall"))).containsEntry("contacts", 100);
        try {
            assertThat(contactFigures.refreshRollup()).isPositive();
            assertThat(jdbc.queryForObject("SELECT SUM(contacts) FROM kpi_contact_total WHERE dimension = 'CHANNEL' AND on_month = ?",
                    Long.class, java.sql.Date.valueOf("2029-11-01")) - jdbc.queryForObject("SELECT COALESCE(SUM(contacts), 0) FROM kpi_contact_total"
                    + " WHERE dimension = 'CHANNEL' AND on_month = ?", Long.class, java.sql.Date.valueOf("2028-12-01"))).isEqualTo(100);
            periods.forEach(p -> assertThat(kpis(manager, p)).as(p).isEqualTo(fromTheLog.get(p)));
            // a month added to the log later: the next pass carries the totals on to it
            jdbc.update("INSERT INTO contact (channel, topic, service_code, outcome, first_contact_resolution, agent, started_at, ended_at,"
                    + " handle_seconds) VALUES ('phone', 'KpisTest running totals', 'pothole', 'ANSWERED', TRUE, 'kpi-totals-agent', ?, ?, 60)",
                    java.sql.Timestamp.from(toronto("2030-02-03T09:59")), java.sql.Timestamp.from(toronto("2030-02-03T10:00")));
            assertThat(contactFigures.refreshRollup()).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kpi_contact_total WHERE on_month = ?", Long.class,
                    java.sql.Date.valueOf("2030-02-01"))).isPositive();
            assertThat(kpis(manager, "from=2029-01-01&to=2029-12-01&by=service")).isEqualTo(fromTheLog.get(periods.get(0)));
        } finally {
            contactFigures.dropRollup();
            jdbc.update("DELETE FROM contact WHERE topic = 'KpisTest running totals'");
        }
    }

    @Test
    void badPeriodsAndGroupingsAre400sWithFieldMessages() {
        String manager = user("kpi-manager", "managers");
        assertThat(problem(manager, "from=2031-13-01&to=2031-03-08")).containsKey("from");
        assertThat(problem(manager, "from=2031-03-08&to=2031-03-01")).containsKey("to");
        assertThat(problem(manager, "from=2028-01-01&to=2031-01-02")).containsKey("to");
        assertThat(problem(manager, "from=2031-03-01&to=2031-03-08&by=colour")).containsKey("by");
        assertThat(problem(manager, "to=2031-03-08")).containsKey("from");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPeriodInWhichNothingCouldCountHasNoRatesRatherThanZeroPercent() {
        String manager = user("kpi-manager", "managers");
        Map<String, Object> overall = (Map<String, Object>) kpis(manager, "from=2035-01-01&to=2035-01-08").get("overall");
        assertThat(overall).containsEntry("requests", 0).containsEntry("resolved", 0);
        for (String rate : List.of("acknowledged-within-standard-pct", "resolved-within-standard-pct", "overdue-pct",
                "transferred-pct", "average-speed-of-response-hours", "first-contact-resolution-pct")) {
            assertThat(overall).as(rate).containsEntry(rate, null);
        }
        assertThat(csv(manager, "/api/kpis?from=2035-01-01&to=2035-01-08").getBody())
                .contains("overall,all,resolved-within-standard-pct,,%");
    }

    @Test
    void csvOnTheCaseListIsNotAcceptableNeverAServerError() {
        String agent = user("kpi-agent", "contact-centre");
        assertThat(csv(agent, "/api/cases").getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void theReadmeDefinesEveryMeasure() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Performance measures\n"));
        for (Measure measure : Measure.values()) {
            assertThat(section).as("README row of %s", measure.id())
                    .contains("| `" + measure.id() + "` | " + measure.definition() + " | " + measure.unit() + " |");
        }
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> kpis(String user, String query) {
        ResponseEntity<Map<String, Object>> response = getJson(as(user), "/api/kpis?" + query);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The problem's field messages, field → message. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(String user, String query) {
        ResponseEntity<Map<String, Object>> response = getJson(as(user), "/api/kpis?" + query);
        assertThat(response.getStatusCode()).as("%s: %s", query, response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        Map<String, Object> fields = new HashMap<>();
        ((List<Map<String, Object>>) response.getBody().get("errors")).forEach(e -> fields.put((String) e.get("field"), e.get("message")));
        return fields;
    }

    private ResponseEntity<String> csv(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        return as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> groups(Object list) {
        Map<String, Map<String, Object>> groups = new HashMap<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) list) {
            groups.put((String) g.get("key"), (Map<String, Object>) g.get("values"));
        }
        return groups;
    }

    private static Map<String, Object> pothole() {
        return Map.of("serviceCode", "pothole", "answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"));
    }

    private Map<String, Object> open(String agent, String channel, Map<String, Object> service) {
        Map<String, Object> request = new HashMap<>(service);
        request.put("channel", channel);
        request.put("description", "Reported for the KPIs");
        request.put("address", "120 King St E, Lakeport");
        request.put("customer", Map.of("name", "Jamie Resident", "phone", "905-555-0177"));
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private void claim(String user, String reference) {
        Task task = onlyDepartmentTask(reference);
        assertThat(postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The pothole's inspection and crew scheduling; the repair is left for {@link #completeLast}. */
    private void completeAll(String user, String reference) {
        complete(user, reference, Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Deep"));
        complete(user, reference, Map.of("crew", "east-yard", "plannedDate", "2031-03-04"));
    }

    private void completeLast(String user, String reference) {
        complete(user, reference, Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled."));
    }

    private void complete(String user, String reference, Map<String, Object> variables) {
        Task task = onlyDepartmentTask(reference);
        if (task.getAssignee() == null) {
            postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        }
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        assertThat(postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** A small pothole reported on the web at {@code received} by a resident with e-mail, resolved at {@code resolvedAt}. */
    private String resolved(String agent, String roads, String received, String resolvedAt) {
        at(received);
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        request.put("channel", "web");
        request.put("description", "Reported for the survey KPIs");
        request.put("address", "120 King St E, Lakeport");
        request.put("customer", Map.of("name", "Robin Resident", "email", "kpi-survey-" + System.nanoTime() + "@example.org"));
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        at(resolvedAt);
        completeAll(roads, reference);
        completeLast(roads, reference);
        return reference;
    }

    /** Answers the survey from the case's "resolved" notice through the survey page: a rating, the ease, fixed. */
    private void answer(String reference, String rating, String effort) throws Exception {
        Long caseId = requests.findByReference(reference).orElseThrow().getId();
        String body = outbox.forCase(caseId).stream().map(Notification::getBody)
                .filter(b -> SURVEY_LINK.matcher(b).find()).findFirst().orElseThrow();
        Matcher link = SURVEY_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI page = URI.create(http.getRootUri() + "/survey/" + link.group(1));
        String form = client.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String post = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&rating=" + rating + "&effort=" + effort + "&fixed=yes";
        HttpResponse<String> thanks = client.send(HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(post)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(thanks.statusCode()).as(thanks.body()).isEqualTo(200);
    }

    private void contact(String channel, ContactOutcome outcome, int seconds) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        contactLog.record(new ContactLog.NewContact(null, channel, "KPI test", "pothole", outcome, null, null, "kpi-agent",
                now.minusSeconds(seconds), null));
    }
}
