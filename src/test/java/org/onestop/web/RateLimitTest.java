package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public endpoints turn a flood away with 429 and Retry-After. The shared test context runs with very high limits;
 * these tests set the production values on the limiter's settings bean for their duration.
 */
class RateLimitTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    RateLimiter limiter;
    @Autowired
    MeterRegistry meters;

    private final HttpClient client = HttpClient.newHttpClient();
    private int postsPerAddress;
    private int postsPerKey;
    private int getsPerAddress;

    @BeforeEach
    void productionLimits() {
        postsPerAddress = limits.getPostsPerAddress();
        postsPerKey = limits.getPostsPerKey();
        getsPerAddress = limits.getGetsPerAddress();
        limiter.reset();
    }

    @AfterEach
    void testLimits() {
        limits.setPostsPerAddress(postsPerAddress);
        limits.setPostsPerKey(postsPerKey);
        limits.setGetsPerAddress(getsPerAddress);
        limiter.reset();
    }

    private double rejections(String limit) {
        return meters.get("onestop.rate.limit.rejections").tag("limit", limit).counter().count();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passwordGuessingOnTheLoginFormIsSlowedDown() throws Exception {
        limits.setPostsPerAddress(RateLimitProperties.DEFAULT_POSTS_PER_ADDRESS);
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            // No CSRF token: Spring Security refuses each (403) until the limiter answers first (429).
            if (post("/login", "username=admin&password=guess" + i).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(40 - RateLimitProperties.DEFAULT_POSTS_PER_ADDRESS);
    }

    @Test
    void twoHundredPostsAMinuteFromOneAddressGet429sAfterTheLimit() throws Exception {
        limits.setPostsPerAddress(RateLimitProperties.DEFAULT_POSTS_PER_ADDRESS);
        double rejectedBefore = rejections(RateLimitRejected.POSTS_PER_ADDRESS);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 200; i++) {
            last = post("/open311/v2/requests.json", "service_code=pothole&description=flood+" + i);
            statuses.add(last.statusCode());
        }
        // Without a key each allowed POST is a 403; the limiter counts every attempt.
        assertThat(statuses.subList(0, 30)).containsOnly(403);
        assertThat(statuses.subList(30, 200)).containsOnly(429);
        // Counted for the metrics by the limit's name (onestop_rate_limit_rejections_total), not by address.
        assertThat(rejections(RateLimitRejected.POSTS_PER_ADDRESS) - rejectedBefore).isEqualTo(170);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(last.body()).startsWith("[{\"code\":429,\"description\":\"too many requests");

        HttpResponse<String> xml = post("/open311/v2/requests.xml", "service_code=pothole");
        assertThat(xml.statusCode()).isEqualTo(429);
        assertThat(xml.body()).contains("<errors><error><code>429</code>");

        // The residents' pages share the address's POST allowance and get a page, not a document.
        HttpResponse<String> page = post("/report/pothole", "description=flood");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<main>", "<h1>Please wait a moment</h1>", "try again in");

        // Reading is counted apart from writing.
        assertThat(get("/open311/v2/services.json").statusCode()).isEqualTo(200);
    }

    @Test
    void oneApiKeyIsLimitedAcrossAddresses() throws Exception {
        limits.setPostsPerAddress(1000);
        limits.setPostsPerKey(5);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/open311/v2/requests.json", "api_key=os_some-app-key&service_code=pothole").statusCode()).isEqualTo(403);
        }
        assertThat(post("/open311/v2/requests.json", "api_key=os_some-app-key&service_code=pothole").statusCode()).isEqualTo(429);
        assertThat(post("/open311/v2/requests.json", "api_key=os_another-key&service_code=pothole").statusCode()).isEqualTo(403);
    }

    @Test
    void getsHaveTheirOwnLimit() throws Exception {
        limits.setGetsPerAddress(10);
        for (int i = 0; i < 10; i++) {
            assertThat(get("/open311/v2/services.xml").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/open311/v2/services.xml");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("<code>429</code>");
        assertThat(get("/actuator/health").statusCode()).as("other paths are not limited").isEqualTo(200);
    }
}
