package org.onestop.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.access.CaseAccessPolicy.KpiReach;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The scorecards against the running application, in May and June 2032 (a period no other test uses): who opens which
 * one, the red/amber/green of the measures against their default targets, the 13-month trend, the overdue list with
 * links to the cases for those who may read them, and a wrong period answered with the form and its message.
 */
class ScorecardPagesTest extends IntegrationTest {

    static final String MAY = "from=2032-05&to=2032-05";

    @Autowired
    Kpis kpis;

    static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/Toronto")).toInstant()));
    }

    @Test
    void eachRoleOpensItsScorecardsAndTheOverdueCasesLinkToTheCases() throws Exception {
        String agent = user("sc-agent", "contact-centre");
        String manager = user("sc-manager", "managers");
        String council = user("sc-council", "council-office");
        String roadsSupervisor = user("sc-roads-supervisor", "roads-supervisors");
        String wasteSupervisor = user("sc-waste-supervisor", "waste-supervisors");
        String roads = user("sc-roads", "roads");

        // Two urgent potholes on 10 May 2032 (resolve within a day); nobody resolves them: on 15 June both are overdue.
        at("2032-05-10T09:00");
        String first = open(agent);
        at("2032-05-10T10:00");
        String second = open(agent);
        at("2032-06-15T10:00");

        HttpResponse<String> page = page(roadsSupervisor, "/scorecards/departments/roads?" + MAY);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Scorecard: Roads", "Overdue cases", "href=\"/cases/" + first + "\"", "href=\"/cases/" + second + "\"",
                "By service", "By ward", "id=\"ward-map\"", "/js/scorecard-charts.js", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        // 0 of 2 resolved within standard against a target of 85 %: red; 100 % overdue against at most 10 %: red.
        assertThat(row(body, "measure-resolved-within-standard-pct")).contains("0.0", "85", "rag-red", "Off target");
        assertThat(row(body, "measure-overdue-pct")).contains("100.0", "10", "rag-red");
        // Requests is a volume: no target, no colour.
        assertThat(row(body, "measure-requests")).contains("data-rag=\"NONE\"", "none", "No colour");
        // A department's scorecard has no contact-centre measures, no other department, no corporate section.
        assertThat(body).doesNotContain("id=\"measure-contacts\"", "By department", "By channel");
        // The trend: the 13 months May 2031 to May 2032 (each month beside the same month a year before).
        assertThat(body).contains("num\">May 2031</th>", "num\">May 2032</th>").doesNotContain("num\">Apr 2031</th>", "num\">Jun 2032</th>");

        // A manager sees the figures but, having no case in reach, no case in the list.
        HttpResponse<String> managers = page(manager, "/scorecards/departments/roads?" + MAY);
        assertThat(managers.statusCode()).isEqualTo(200);
        assertThat(managers.body()).contains("id=\"overdue-none\"").doesNotContain(first, second);
        assertThat(row(managers.body(), "measure-resolved-within-standard-pct")).contains("rag-red");

        assertThat(page(wasteSupervisor, "/scorecards/departments/roads?" + MAY).statusCode()).isEqualTo(403);
        assertThat(page(roads, "/scorecards/departments/roads").statusCode()).isEqualTo(403);
        assertThat(page(council, "/scorecards/departments/roads").statusCode()).isEqualTo(403);
        assertThat(page(manager, "/scorecards/departments/no-such-department").statusCode()).isEqualTo(404);

        // The corporate scorecard: managers and councillors' offices; every measure, by department, ward and channel.
        for (String who : List.of(manager, council)) {
            HttpResponse<String> corporate = page(who, "/scorecards/corporate?" + MAY);
            assertThat(corporate.statusCode()).as(who).isEqualTo(200);
            assertThat(corporate.body()).contains("Corporate scorecard", "id=\"measure-contacts\"", "id=\"measure-resolved-within-standard-pct\"",
                    "By department", "By ward", "By channel", "Most requested services", "Fastest-rising services")
                    .doesNotContain("Overdue cases");
        }
        for (String who : List.of(roadsSupervisor, agent, roads)) {
            assertThat(page(who, "/scorecards/corporate").statusCode()).as(who).isEqualTo(403);
        }

        // The contact centre's: the contact-centre measures only.
        HttpResponse<String> contactCentre = page(agent, "/scorecards/contact-centre?" + MAY);
        assertThat(contactCentre.statusCode()).isEqualTo(200);
        assertThat(contactCentre.body()).contains("id=\"measure-contacts\"", "id=\"measure-first-contact-resolution-pct\"", "By channel")
                .doesNotContain("id=\"measure-requests\"", "By ward", "Overdue cases");
        assertThat(page(roadsSupervisor, "/scorecards/contact-centre").statusCode()).isEqualTo(403);

        // The index lists what each may open; the bar links to it for them only.
        assertThat(page(manager, "/scorecards").body()).contains("/scorecards/corporate", "/scorecards/contact-centre", "/scorecards/departments/roads",
                "/scorecards/departments/waste");
        assertThat(page(roadsSupervisor, "/scorecards").body()).contains("/scorecards/departments/roads")
                .doesNotContain("/scorecards/corporate", "/scorecards/departments/waste");
        assertThat(page(roadsSupervisor, "/staff").body()).contains("href=\"/scorecards\"");
        assertThat(page(roads, "/staff").body()).doesNotContain("href=\"/scorecards\"");
        assertThat(page(roads, "/scorecards").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPeriodIsA400WithTheFormAndItsMessageAndNoFigures() throws Exception {
        String manager = user("sc-manager", "managers");
        at("2032-06-15T10:00");
        for (String query : List.of("from=2032-06&to=2032-05", "from=banana&to=2032-05", "from=2029-01&to=2032-05",
                "from=2032-07&to=2032-07", "from=2032-05-01&to=2032-05")) {
            HttpResponse<String> page = page(manager, "/scorecards/corporate?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("The period could not be shown", "id=\"from\"")
                    .doesNotContain("id=\"measures\"");
        }
        assertThat(page(manager, "/scorecards/corporate?from=2032-06&to=2032-05").body()).contains("The last month must not be before the first.");
        assertThat(page(manager, "/scorecards/corporate?from=banana&to=2032-05").body()).contains("Choose a month from the list.");
        // The longest period, 24 months, is fine; 25 is not.
        assertThat(page(manager, "/scorecards/corporate?from=2030-07&to=2032-06").statusCode()).isEqualTo(200);
        assertThat(page(manager, "/scorecards/corporate?from=2030-06&to=2032-06").body()).contains("A period is at most 24 months.");
        // No period: this month.
        assertThat(page(manager, "/scorecards/corporate").body()).contains("June 2032 to June 2032");
    }

    @Test
    void theMonthlySeriesIsEachMonthsReport() {
        at("2032-06-15T10:00");
        KpiReach all = new KpiReach(null, true, true);
        List<Kpis.Month> months = kpis.monthly(YearMonth.of(2032, 5), 13, all);
        assertThat(months).extracting(Kpis.Month::month).first().isEqualTo(YearMonth.of(2031, 5));
        assertThat(months).extracting(Kpis.Month::month).last().isEqualTo(YearMonth.of(2032, 5));
        assertThat(months).hasSize(13);
        for (Kpis.Month m : List.of(months.get(0), months.get(12))) {
            assertThat(m.values()).isEqualTo(kpis.report(m.month().atDay(1), m.month().plusMonths(1).atDay(1), null, all).overall());
        }
        KpiReach roads = new KpiReach(Set.of("roads"), true, false);
        assertThat(kpis.monthly(YearMonth.of(2032, 5), 1, roads).get(0).values()).doesNotContainKey("contacts");
    }

    private static String row(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return body.substring(body.lastIndexOf("<tr", start), body.indexOf("</tr>", start));
    }

    private HttpResponse<String> page(String user, String path) throws Exception {
        return FormSession.loggedIn(http.getRootUri(), user, PASSWORD).get(path);
    }

    private String open(String agent) {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone",
                "description", "Reported for the scorecards", "address", "120 King St E, Lakeport",
                "answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")));
        request.put("customer", Map.of("name", "Sam Scorecard", "phone", "905-555-0178"));
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("reference");
    }
}
