package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.FormSession;
import org.onestop.web.RateLimitProperties;
import org.onestop.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stranger guessing a named user's password gets 429 from their address after a few failed logins, before any
 * password is checked, so the burst does not reach the identity service's per-user refusal; the user still logs in.
 * The shared test context runs with a very high limit: these tests set the production value for their duration.
 */
class LoginAbuseTest extends IntegrationTest {

    private static final int LIMIT = RateLimitProperties.DEFAULT_FAILED_LOGINS_PER_ADDRESS;

    @Autowired
    RateLimitProperties limits;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private int failedLogins;
    private Instant engineNow = OFFICE_HOURS;

    @BeforeEach
    void productionLimit() {
        failedLogins = limits.getFailedLoginsPerAddress();
        limits.setFailedLoginsPerAddress(LIMIT);
        limiter.reset();
    }

    @AfterEach
    void testLimit() {
        limits.setFailedLoginsPerAddress(failedLogins);
        limiter.reset();
    }

    /**
     * Moves the engine's clock (which the tests hold still) past the identity service's refusal after a wrong password
     * (at most loginDelayMaxTime, 2 s), so that every guess that reaches it is checked and counted.
     */
    private void afterTheDelay() {
        engineNow = engineNow.plus(Duration.ofSeconds(3));
        ClockUtil.setCurrentTime(Date.from(engineNow));
    }

    private ResponseEntity<String> api(String path, String user, String password) {
        return http.withBasicAuth(user, password).getForEntity(path, String.class);
    }

    /** The wrong passwords in a row the identity service has seen for the user (Camunda keeps them on its user row). */
    private int failedAttempts(String user) {
        Integer attempts = jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, user);
        return attempts == null ? 0 : attempts;
    }

    @Test
    void aBurstOfWrongPasswordsGets429BeforeThePasswordCheckAndTheUserStillLogsIn() {
        String victim = user("abuse-victim", "contact-centre");
        identityService.unlockUser(victim);
        List<Integer> statuses = new ArrayList<>();
        ResponseEntity<String> last = null;
        for (int i = 0; i < LIMIT + 5; i++) {
            afterTheDelay();
            last = api("/api/services", victim, "guess-" + i);
            statuses.add(last.getStatusCode().value());
        }

        assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LIMIT, LIMIT + 5)).containsOnly(429);
        assertThat(Long.parseLong(last.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(last.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(last.getBody()).contains("\"title\":\"Too Many Requests\"", "\"status\":429", "too many failed logins");
        assertThat(failedAttempts(victim)).as("only the guesses within the limit reached the identity service").isEqualTo(LIMIT);

        // Over the limit the address's logins are refused unchecked, the right password too, and on /engine-rest as well.
        afterTheDelay();
        assertThat(api("/api/services", victim, PASSWORD).getStatusCode().value()).isEqualTo(429);
        ResponseEntity<String> engineRest = api("/engine-rest/task?maxResults=1", victim, "another-guess");
        assertThat(engineRest.getStatusCode().value()).isEqualTo(429);
        assertThat(engineRest.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(engineRest.getBody()).contains("\"status\":429");
        assertThat(failedAttempts(victim)).isEqualTo(LIMIT);

        // The stranger keeps going in the next window: twice Camunda's default loginMaxAttempts (10) in a row, which
        // would lock the user until an administrator unlocks them.
        limiter.reset();
        for (int i = 0; i < LIMIT; i++) {
            afterTheDelay();
            assertThat(api("/engine-rest/task?maxResults=1", victim, "more-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(failedAttempts(victim)).isEqualTo(2 * LIMIT);

        // Once the window is over and the identity service's short refusal has passed, the user logs in.
        limiter.reset();
        afterTheDelay();
        assertThat(api("/api/services", victim, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(failedAttempts(victim)).isZero();
    }

    @Test
    void loginsThatSucceedAndRequestsWithoutCredentialsAreNotCounted() {
        String client = user("abuse-busy-client", "contact-centre");
        // A cheap request: logged in, the API answers that there is no such case (401 or 429 otherwise).
        String path = "/api/cases/SR-1900-000001";
        for (int i = 0; i < LIMIT + 5; i++) {
            assertThat(api(path, client, PASSWORD).getStatusCode()).as("request %d", i).isEqualTo(HttpStatus.NOT_FOUND);
        }
        for (int i = 0; i < LIMIT + 1; i++) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(api(path, client, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void failedFormLoginsShareTheAddressesLimit() throws Exception {
        String victim = user("abuse-form-victim", "contact-centre");
        identityService.unlockUser(victim);
        FormSession browser = new FormSession("http://localhost:" + port);
        for (int i = 0; i < LIMIT; i++) {
            afterTheDelay();
            HttpResponse<String> failed = browser.post("/login", "username", victim, "password", "guess-" + i);
            assertThat(FormSession.location(failed)).isEqualTo("/login?error");
        }
        afterTheDelay();
        HttpResponse<String> refused = browser.post("/login", "username", victim, "password", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("<h1>Please wait a moment</h1>");
        assertThat(api("/api/services", victim, "guess").getStatusCode().value()).as("Basic shares the address's count").isEqualTo(429);
        assertThat(failedAttempts(victim)).isEqualTo(LIMIT);

        limiter.reset();
        afterTheDelay();
        assertThat(FormSession.location(browser.post("/login", "username", victim, "password", PASSWORD))).isEqualTo("/staff");
    }
}
