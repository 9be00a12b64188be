package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

/** A typed address in the city's register gives the case its point and ward, whatever door it came in by. */
class AddressToPointTest extends IntegrationTest {

    @Test
    void anAddressInTheRegisterGivesThePointAndTheWard() {
        String agent = user("ap-agent", "contact-centre");
        Map<String, Object> created = postJson(as(agent), "/api/cases", Map.of("serviceCode", "pothole", "channel", "email",
                "address", "120 king street east", "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")))
                .getBody();
        assertThat(created).containsEntry("address", "120 king street east").containsEntry("latitude", 43.2561)
                .containsEntry("longitude", -79.869).containsEntry("ward", "Ward 1 - Harbourfront");
    }

    @Test
    void anAddressOutsideTheRegisterKeepsNoPoint() {
        String agent = user("ap-agent", "contact-centre");
        Map<String, Object> created = postJson(as(agent), "/api/cases", Map.of("serviceCode", "pothole", "channel", "email",
                "address", "Behind the arena", "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")))
                .getBody();
        assertThat(created).containsEntry("address", "Behind the arena").doesNotContainKey("latitude").doesNotContainKey("ward");
    }
}
