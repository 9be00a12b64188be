package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** The phone system's screen-pop: customers by number in any format, with their open cases, through the access policy. */
class CallerLookupApiTest extends IntegrationTest {

    private ResponseEntity<Map<String, Object>> lookUp(String user, String phone) {
        // Every character of the number sent as it is (a + too), as a phone system's HTTP client sends it.
        return as(user).exchange(UriComponentsBuilder.fromPath("/api/callers").queryParam("phone", "{phone}").encode()
                .buildAndExpand(phone).toUri(), org.springframework.http.HttpMethod.GET, null, JSON_OBJECT);
    }

    @Test
    void findsTheCallerInAnyFormatWithTheirOpenCases() {
        String agent = user("it-callers-agent", "contact-centre");
        String local = String.valueOf(1000 + System.nanoTime() % 9000);
        Map<String, Object> request = Map.of("serviceCode", "pothole", "channel", "phone", "description", "Screen-pop test",
                "address", "120 King St E, Lakeport", "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"),
                "customer", Map.of("name", "Screen Pop Caller", "phone", "905-556-" + local));
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");

        for (String format : List.of("+1 (905) 556-" + local, "9055560000".substring(0, 6) + local, "tel:+1905556" + local, "905.556." + local)) {
            ResponseEntity<Map<String, Object>> found = lookUp(agent, format);
            assertThat(found.getStatusCode()).as(format).isEqualTo(HttpStatus.OK);
            List<Map<String, Object>> callers = (List<Map<String, Object>>) found.getBody().get("callers");
            Map<String, Object> caller = callers.stream().filter(c -> "Screen Pop Caller".equals(c.get("name"))).findFirst().orElseThrow();
            assertThat(caller).containsEntry("phone", "905-556-" + local).containsKey("id");
            List<Map<String, Object>> open = (List<Map<String, Object>>) caller.get("openCases");
            assertThat(open).extracting(c -> c.get("reference")).containsExactly(reference);
            assertThat(open.get(0)).containsEntry("serviceCode", "pothole").containsKeys("status", "opened", "service");
        }

        // Once cancelled, it is no longer an open case.
        String supervisor = user("it-callers-supervisor", "roads-supervisors");
        assertThat(postJson(as(supervisor), "/api/cases/" + reference + "/cancel", Map.of("reason", "test")).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> callers = (List<Map<String, Object>>) lookUp(agent, "905 556 " + local).getBody().get("callers");
        assertThat(callers.stream().filter(c -> "Screen Pop Caller".equals(c.get("name"))).findFirst().orElseThrow().get("openCases"))
                .asList().isEmpty();
    }

    @Test
    void aMissingOrBadNumberIsA400NamingTheFieldAndOnlyTheDirectorysUsersMayLookUp() {
        String agent = user("it-callers-agent", "contact-centre");
        for (String bad : List.of("", "jane", "12345", "905-555-0101; DROP TABLE", "1".repeat(16))) {
            ResponseEntity<Map<String, Object>> refused = lookUp(agent, bad);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").toString()).as(bad).contains("field=phone");
        }
        ResponseEntity<Map<String, Object>> missing = getJson(as(agent), "/api/callers");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").toString()).contains("field=phone", "is required");

        assertThat(lookUp(user("it-callers-roads", "roads"), "905 555 0101").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(lookUp(user("it-callers-admin", "camunda-admin"), "905 555 0101").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/callers?phone=9055550101", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
