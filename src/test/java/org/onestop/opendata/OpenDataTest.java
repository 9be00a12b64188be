package org.onestop.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.dashboard.DashboardData.at;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.dashboard.DashboardData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The open data, without a login, on cases made through the real intake and tasks on 10 March 2034 (a day no other
 * test uses): public cases only, no personal data or free text, the dates, the standard and whether it was met, a day
 * filter, Last-Modified and ETag (304), and a 400 problem for a bad day.
 */
class OpenDataTest extends IntegrationTest {

    private static final String DAY = "from=2034-03-10&to=2034-03-11";

    @Autowired
    OpenDataExport export;

    @Test
    void publicCasesWithoutPersonalDataTheirStandardAndWhetherItWasMet() throws Exception {
        String roadsUser = user("od-roads", "roads");
        DashboardData data = new DashboardData(as(user("od-agent", "contact-centre")), as(roadsUser), roadsUser, taskService);
        // 09:00: two urgent potholes (acknowledge by 11:00, resolve by 09:00 the next day) and a private noise complaint.
        at("2034-03-10T09:00");
        String resolved = (String) data.pothole(DashboardData.WARD_1).get("reference");
        String open = (String) data.pothole(DashboardData.WARD_1).get("reference");
        String noise = (String) data.noiseComplaint(DashboardData.WARD_2).get("reference");
        // 15:00: the first taken up (acknowledged late) and resolved, within its standard.
        at("2034-03-10T15:00");
        data.resolvePothole(resolved);
        // Two days later, the job writes the files.
        at("2034-03-12T10:00");
        export.refresh();

        ResponseEntity<String> csv = http.getForEntity("/open-data/requests.csv?" + DAY, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", OpenDataExport.FIELDS));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(resolved + ",2034-03-10T09:00:00-05:00,closed,");
        assertThat(lines.get(2)).startsWith(open + ",2034-03-10T09:00:00-05:00,open,submitted,pothole,");
        assertThat(csv.getHeaders().getLastModified()).isPositive();
        assertThat(csv.getHeaders().getETag()).isNotBlank();

        ResponseEntity<String> json = http.getForEntity("/open-data/requests.json?" + DAY, String.class);
        assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        List<Map<String, Object>> records = new ObjectMapper().readValue(json.getBody(), new TypeReference<>() { });
        assertThat(records).extracting(r -> r.get("service_request_id")).containsExactly(resolved, open);
        Map<String, Object> first = records.get(0);
        assertThat(first.keySet()).containsExactlyElementsOf(OpenDataExport.FIELDS);
        assertThat(first).containsEntry("service_code", "pothole").containsEntry("ward", "Ward 1 - Harbourfront")
                .containsEntry("priority", "urgent").containsEntry("channel", "phone").containsEntry("standard_clock", "calendar")
                .containsEntry("requested_datetime", "2034-03-10T09:00:00-05:00")
                .containsEntry("acknowledge_by", "2034-03-10T11:00:00-05:00")
                .containsEntry("expected_datetime", "2034-03-11T09:00:00-05:00")
                .containsEntry("resolved_datetime", "2034-03-10T15:00:00-05:00")
                .containsEntry("resolve_within", "P1D")
                .containsEntry("acknowledged_within_standard", false)
                .containsEntry("resolved_within_standard", true);
        // Still open two days on: past both dates, neither standard met.
        assertThat(records.get(1)).containsEntry("resolved_datetime", null)
                .containsEntry("acknowledged_within_standard", false).containsEntry("resolved_within_standard", false);

        // The whole file: the public cases, never the private one; nothing about a person; no free text.
        for (String path : List.of("/open-data/requests.csv", "/open-data/requests.json")) {
            String body = http.getForEntity(path, String.class).getBody();
            assertThat(body).as(path).contains(resolved, open).doesNotContain(noise, DashboardData.CUSTOMER, DashboardData.PHONE,
                    DashboardData.DESCRIPTION, "Filled.", "Deep");
        }

        // A client that has the file gets a 304.
        HttpHeaders again = new HttpHeaders();
        again.setIfNoneMatch(csv.getHeaders().getETag());
        assertThat(http.exchange("/open-data/requests.csv?" + DAY, HttpMethod.GET, new HttpEntity<>(again), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        // ...until the job writes the files again.
        at("2034-03-13T10:00");
        export.refresh();
        assertThat(http.exchange("/open-data/requests.csv?" + DAY, HttpMethod.GET, new HttpEntity<>(again), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBadDayIsA400ProblemNamingTheParameter() {
        ResponseEntity<Map<String, Object>> bad = getJson(http, "/open-data/requests.json?from=2034-13-01");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(bad.getBody().get("errors").toString()).contains("field=from");
        ResponseEntity<String> backwards = http.getForEntity("/open-data/requests.csv?from=2034-03-10&to=2034-03-01", String.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody()).contains("\"field\":\"to\"");
    }
}
