package org.onestop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.dashboard.DashboardData.at;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The public dashboard on a small data set made through the real intake and the potholes' tasks in June 2038 (a month
 * no other test uses), seen without a login on 15 June 2038, against figures worked out by hand: private cases count
 * in the city-wide figures only, and no count under 5 by service or by ward is shown, nor one that a total beside it
 * would give away. The figures are kept for the refresh interval.
 */
class DashboardTest extends IntegrationTest {

    @Test
    void figuresByHandPrivateCasesOnlyInTotalsAndNoSmallCells() {
        String roadsUser = user("dash-roads", "roads");
        DashboardData data = new DashboardData(as(user("dash-agent", "contact-centre")), as(roadsUser), roadsUser, taskService);

        // Thursday 10 June 2038, 09:00: six urgent potholes in Ward 1 and two in Ward 2 (resolve within a day); three
        // private noise complaints in Ward 2.
        at("2038-06-10T09:00");
        List<String> ward1 = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> pothole = data.pothole(DashboardData.WARD_1);
            assertThat(pothole.get("ward")).isEqualTo("Ward 1 - Harbourfront");
            ward1.add((String) pothole.get("reference"));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(data.pothole(DashboardData.WARD_2).get("ward")).isEqualTo("Ward 2 - Old Town");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(data.noiseComplaint(DashboardData.WARD_2).get("ward")).isEqualTo("Ward 2 - Old Town");
        }
        // 15:00: five of Ward 1's potholes resolved, 6 hours (0.25 days) after they came in, within their standard.
        at("2038-06-10T15:00");
        for (String reference : ward1.subList(0, 5)) {
            data.resolvePothole(reference);
        }

        // Tuesday 15 June 2038, 10:00, anonymous: the 12 months July 2037 to June 2038.
        at("2038-06-15T10:00");
        ResponseEntity<String> page = http.getForEntity("/dashboard", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = page.getBody();
        assertThat(html).contains("from July 2037 to June 2038");

        // City-wide, June: 11 requests (the private ones too); counted against the standard: the 5 resolved in time,
        // the 3 open potholes and the 3 noise complaints past their resolve-by → 5 / 11 = 45.5 %; 5 resolved after
        // 0.25 days each → 0.3 days. May: nothing received, so no rate ("no figure"), not 0 %.
        Map<String, List<String>> overall = rows(html, "overall-table");
        assertThat(overall).hasSize(12);
        assertThat(overall.get("June 2038 (to date)")).containsExactly("11", "45.5", "0.3");
        assertThat(overall.get("May 2038")).containsExactly("0", "no figure", "no figure");

        // By service: potholes only (the noise complaints are private); June 8, the other months 0 → "fewer than 5";
        // 12 months: 8 requests, 5 of 8 due within standard = 62.5 %, 0.3 days.
        Map<String, List<String>> services = rows(html, "services-table");
        assertThat(services).containsOnlyKeys("Pothole or road defect");
        List<String> potholes = services.get("Pothole or road defect");
        assertThat(potholes.subList(0, 11)).containsOnly("fewer than 5");
        assertThat(potholes.subList(11, 15)).containsExactly("8", "8", "62.5", "0.3");
        assertThat(html).doesNotContain("Noise complaint");

        // By ward: Ward 2 has 2 public requests (5 with the private ones, which would show): fewer than 5. Ward 1's 6
        // would then be Ward 2's given away by the pothole row's 8, so it is hidden too, and so are its rates.
        Map<String, List<String>> wards = rows(html, "wards-table");
        assertThat(wards).containsOnlyKeys("Ward 1 - Harbourfront", "Ward 2 - Old Town");
        assertThat(wards.get("Ward 2 - Old Town")).containsOnly("fewer than 5");
        assertThat(wards.get("Ward 1 - Harbourfront").subList(11, 15)).containsExactly("hidden", "hidden", "hidden", "hidden");
        for (List<String> row : wards.values()) {
            assertThat(row).noneMatch(cell -> cell.matches("[1-4]"));
        }

        // Nothing about a person or a case.
        assertThat(html).doesNotContain(DashboardData.CUSTOMER, DashboardData.PHONE, DashboardData.DESCRIPTION, ward1.get(0));

        // In French: the same figures, in French.
        String french = http.getForEntity("/dashboard?lang=fr", String.class).getBody();
        assertThat(french).contains("Notre rendement", "de juillet 2037 à juin 2038");
        assertThat(rows(french, "overall-table").get("juin 2038 (à ce jour)")).containsExactly("11", "45,5", "0,3");
        assertThat(rows(french, "wards-table").get("Ward 2 - Old Town")).containsOnly("moins de 5");
        assertThat(rows(french, "services-table")).containsOnlyKeys("Nid-de-poule ou défaut de la chaussée");
        assertThat(french).doesNotContain("Plainte pour bruit");

        // Kept for the refresh interval (5 minutes): a new request shows only once it has passed.
        data.pothole(DashboardData.WARD_1);
        at("2038-06-15T10:04");
        assertThat(rows(http.getForEntity("/dashboard", String.class).getBody(), "overall-table").get("June 2038 (to date)").get(0)).isEqualTo("11");
        at("2038-06-15T10:05");
        assertThat(rows(http.getForEntity("/dashboard", String.class).getBody(), "overall-table").get("June 2038 (to date)").get(0)).isEqualTo("12");
    }

    /** A table's rows: the row header → the cells' texts. */
    static Map<String, List<String>> rows(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as("table %s", tableId).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr>\\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1).trim());
            }
            rows.put(row.group(1).trim(), cells);
        }
        return rows;
    }
}
