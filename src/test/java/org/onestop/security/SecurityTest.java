package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.WebSession;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Nothing without a login; one login for pages, Tasklist and Cockpit; Camunda's authorizations per department. */
class SecurityTest extends IntegrationTest {

    @Test
    void anonymousCallsToTheApiAndEngineRestGet401() {
        for (String path : List.of("/api/cases", "/api/cases/SR-2026-000001", "/engine-rest/task", "/engine-rest/process-definition",
                "/engine-rest/user")) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordGets401() {
        // Its own user: Camunda briefly locks a user out after a failed login.
        user("it-unlucky", "contact-centre");
        assertThat(http.withBasicAuth("it-unlucky", "wrong").getForEntity("/api/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestWorksWithCredentials() {
        String owner = user("it-owner", "process-owners");
        ResponseEntity<List<Map<String, Object>>> definitions = as(owner).exchange(
                "/engine-rest/process-definition?latestVersion=true&maxResults=100", HttpMethod.GET, null, JSON_LIST);
        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(definitions.getBody()).extracting(d -> d.get("key"))
                .contains("CaseLifecycleProcess", "PotholeRepairProcess", "MissedCollectionProcess", "NoiseComplaintProcess");
    }

    @Test
    void staffOfOneDepartmentCannotSeeOrCompleteAnotherDepartmentsTask() {
        String agent = user("it-agent", "contact-centre");
        String roads = user("it-roads", "roads");
        String waste = user("it-waste", "waste");
        Map<String, Object> request = new HashMap<>(Map.of(
                "serviceCode", "pothole", "channel", "phone", "address", "1 Main St",
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        Task task = onlyDepartmentTask(reference);

        List<Map<String, Object>> seenByWaste = as(waste).exchange("/engine-rest/task?processInstanceBusinessKey=" + reference
                + "&maxResults=10", HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(seenByWaste).isEmpty();
        assertThat(postJson(as(waste), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", waste)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson(as(waste), "/engine-rest/task/" + task.getId() + "/complete", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        assertThat(postJson(as(roads), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", roads)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** A client that shows redirects instead of following them, as the tests below need to see them. */
    private TestRestTemplate browserClient() {
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    @Test
    void pagesRedirectToTheLoginPageWhichIsPublic() {
        TestRestTemplate http = browserClient();
        ResponseEntity<String> home = http.getForEntity("/staff", String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(home.getHeaders().getLocation().getPath()).isEqualTo("/login");
        assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.FOUND);
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("<label for=\"username\">", "<label for=\"password\">");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void ourPagesForbidInlineAndForeignScriptsButCamundasAreLeftAlone() {
        TestRestTemplate http = browserClient();
        for (String page : new String[] {"/login", "/report", "/status"}) {
            assertThat(http.getForEntity(page, String.class).getHeaders().getFirst("Content-Security-Policy"))
                    .as(page).contains("script-src 'self'", "object-src 'none'").doesNotContain("unsafe-inline");
        }
        assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
                .getFirst("Content-Security-Policy")).isNotEqualTo(SecurityConfig.PAGE_CONTENT_SECURITY_POLICY);
    }

    @Test
    void oneLoginOpensTasklistAsThatUser() throws Exception {
        user("it-roads", "roads");
        WebSession browser = new WebSession(http.getRootUri());
        HttpResponse<String> login = browser.login("it-roads", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));

        // As a browser does: the Tasklist page first, then its API calls.
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("X-Authorized-User")).hasValue("it-roads");
        HttpResponse<String> me = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"it-roads\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).as("no Cockpit for department staff").isEqualTo(403);
    }

    @Test
    void aFailedLoginSaysSo() throws Exception {
        HttpResponse<String> response = new WebSession(http.getRootUri()).login("nobody", "wrong");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }
}
