package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.onestop.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider started here ({@link CityProvider}: Spring Authorization Server
 * on a free port): the authorization code flow driven by an HTTP client that follows redirects and keeps cookies, as a
 * browser does, and once in the browser.
 * A provider user in {@code city-roads-staff} lands on OneStop's staff page, reaches Tasklist without a second login
 * and sees their department's task there, with the mapped groups in Camunda; the supervisors' mapping opens Cockpit;
 * a user in no mapped group, and a built-in user's name, are refused; logout goes to the provider's end-session.
 */
class OidcLoginTest extends IntegrationTest {

    private static final CityProvider PROVIDER = new CityProvider();

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry properties) {
        properties.add("onestop.oidc.enabled", () -> "true");
        properties.add("onestop.oidc.issuer-uri", PROVIDER::issuer);
        properties.add("onestop.oidc.client-id", () -> CityProvider.CLIENT);
        properties.add("onestop.oidc.client-secret", () -> CityProvider.SECRET);
        properties.add("onestop.oidc.display-name", () -> "Lakeport ID");
        properties.add("onestop.oidc.groups.[city-roads-staff]", () -> "roads");
        properties.add("onestop.oidc.groups.[city-roads-supervisors]", () -> "roads-supervisors");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    /** A browser: its own cookies, following redirects. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** OneStop at 127.0.0.1 (a loopback redirect URI, as the provider asks; its own cookies apart from the provider's). */
    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** This user's groups at the provider from now on. */
    private static void nextSignIn(String username, List<String> groups) {
        CityProvider.GROUPS.put(username, groups);
    }

    /**
     * Clicks "Sign in with Lakeport ID" on the login page, logs in on the provider's login page and follows the
     * redirects to wherever they end.
     */
    private HttpResponse<String> signIn(HttpClient browser, String username) throws IOException, InterruptedException {
        HttpResponse<String> login = get(browser, url("/login"));
        assertThat(login.body()).contains("Sign in with Lakeport ID", "href=\"/oauth2/authorization/city\"", "id=\"password\"");
        HttpResponse<String> providerLogin = get(browser, url("/oauth2/authorization/city"));
        assertThat(providerLogin.uri().toString()).isEqualTo(PROVIDER.issuer() + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(providerLogin.body());
        assertThat(csrf.find()).as(providerLogin.body()).isTrue();
        return browser.send(HttpRequest.newBuilder(providerLogin.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + CityProvider.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A task for the roads department's candidate group (a standalone one: no case needed to show it in Tasklist). */
    private Task roadsTask(String name) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "roads");
        return task;
    }

    @Test
    void staffSignInOnceForOneStopTasklistAndCockpitWithTheMappedGroups() throws Exception {
        Task task = roadsTask("OIDC pothole check");
        try {
            nextSignIn("oidc.rita@lakeport.example", List.of("city-roads-staff", "city-parks-volunteers"));
            HttpClient browser = browser();
            HttpResponse<String> staff = signIn(browser, "oidc.rita@lakeport.example");
            assertThat(staff.uri().getPath()).isEqualTo("/staff");
            assertThat(staff.statusCode()).isEqualTo(200);
            assertThat(staff.body()).contains("oidc.rita");

            // Mirrored into Camunda: the user, their details, the mapped group and the marker group.
            assertThat(identityService.createUserQuery().userId("oidc.rita").singleResult().getFirstName()).isEqualTo("Rita");
            assertThat(identityService.createGroupQuery().groupMember("oidc.rita").list())
                    .extracting(g -> g.getId()).containsExactlyInAnyOrder("roads", OidcUserMirror.GROUP);

            // Tasklist without a second login, as the same user with the mapped groups; their department's task there.
            HttpResponse<String> tasklist = get(browser, url("/camunda/app/tasklist/default/"));
            assertThat(tasklist.statusCode()).isEqualTo(200);
            assertThat(tasklist.uri().getPath()).startsWith("/camunda/app/tasklist");
            String me = get(browser, url("/camunda/api/admin/auth/user/default")).body();
            // Cockpit is for supervisors: not Rita (yet).
            assertThat(me).contains("\"userId\":\"oidc.rita\"", "tasklist").doesNotContain("cockpit");
            assertThat(get(browser, url("/camunda/api/engine/engine/default/identity/groups?userId=oidc.rita")).body())
                    .contains("\"id\":\"roads\"");
            String tasks = get(browser, url("/camunda/api/engine/engine/default/task?name="
                    + URLEncoder.encode("OIDC pothole check", StandardCharsets.UTF_8) + "&firstResult=0&maxResults=10")).body();
            assertThat(tasks).contains(task.getId());

            // A roster membership OneStop keeps (no mapping gives it) stays; the provider's change of group counts at
            // the next sign-in: roads gone, roads-supervisors there, and Cockpit open.
            identityService.createMembership("oidc.rita", "roads-oncall");
            nextSignIn("oidc.rita@lakeport.example", List.of("city-roads-supervisors"));
            HttpClient again = browser();
            assertThat(signIn(again, "oidc.rita@lakeport.example").uri().getPath()).isEqualTo("/staff");
            assertThat(identityService.createGroupQuery().groupMember("oidc.rita").list()).extracting(g -> g.getId())
                    .containsExactlyInAnyOrder("roads-supervisors", "roads-oncall", OidcUserMirror.GROUP);
            // (As in a browser: the webapp's page first, which hands the login to Camunda, then its API.)
            assertThat(get(again, url("/camunda/app/cockpit/default/")).statusCode()).isEqualTo(200);
            assertThat(get(again, url("/camunda/api/admin/auth/user/default")).body()).contains("cockpit", "tasklist");

            // Logout: to the provider's end-session endpoint, then back to OneStop's login page; the session is gone.
            String page = get(again, url("/staff")).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(again.cookieHandler().orElseThrow())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> logout = noRedirects.send(HttpRequest.newBuilder(URI.create(url("/logout")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(logout.statusCode()).isEqualTo(302);
            String endSession = logout.headers().firstValue("Location").orElseThrow();
            assertThat(endSession).startsWith(PROVIDER.issuer() + "/connect/logout").contains("id_token_hint=");
            assertThat(java.net.URLDecoder.decode(endSession, StandardCharsets.UTF_8)).contains("post_logout_redirect_uri=" + url("/login?logout"));
            assertThat(get(again, url("/staff")).uri().getPath()).isEqualTo("/login");

            // A password set for them (Camunda Admin's profile) does not log them in: they sign in at the provider only.
            org.camunda.bpm.engine.identity.User rita = identityService.createUserQuery().userId("oidc.rita").singleResult();
            rita.setPassword(PASSWORD);
            identityService.saveUser(rita);
            assertThat(as("oidc.rita").getForEntity("/api/directory", String.class).getStatusCode().value()).isEqualTo(401);
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    /** In the browser, with the keyboard: the login page's button, the provider, OneStop, then Tasklist with the task. */
    @Test
    void inTheBrowserTheButtonLeadsThroughTheProviderToTasklist() throws Exception {
        Task task = roadsTask("OIDC browser pothole");
        try {
            nextSignIn("oidc.bea@lakeport.example", List.of("city-roads-staff"));
            browser.get(url("/login"));
            browser.assertAccessible();
            browser.screenshot(Path.of("target", "browser", "OidcLoginTest-login.png"), 1280, 900);
            browser.tabTo(By.linkText("Sign in with Lakeport ID")).sendKeys(Keys.ENTER);
            browser.until(ExpectedConditions.urlToBe(PROVIDER.issuer() + "/login"));
            browser.findElement(By.id("username")).sendKeys("oidc.bea@lakeport.example", Keys.TAB);
            browser.focused().sendKeys(CityProvider.PASSWORD, Keys.ENTER);
            browser.until(ExpectedConditions.urlToBe(url("/staff")));
            assertThat(browser.heading().getText()).contains("oidc.bea");
            browser.get(url("/camunda/app/tasklist/default/"));
            browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My department's tasks\"]"))).click();
            // The department's list may be long in the whole suite: the task itself, opened in that filter, shows for them.
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
            browser.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space(text())='OIDC browser pothole']")));
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    @Test
    void aUserInNoMappedGroupIsRefusedAndNotMirrored() throws Exception {
        nextSignIn("oidc-volunteer", List.of("city-parks-volunteers"));
        HttpClient browser = browser();
        HttpResponse<String> refused = signIn(browser, "oidc-volunteer");
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("ssoerror=groups");
        assertThat(refused.body()).contains("in no group that OneStop knows");
        assertThat(identityService.createUserQuery().userId("oidc-volunteer").count()).isZero();
        // No staff rights: the staff pages and Tasklist send them to the login page.
        assertThat(get(browser, url("/staff")).uri().getPath()).isEqualTo("/login");
        assertThat(get(browser, url("/console")).uri().getPath()).isEqualTo("/login");
        // A sign-in that cannot start (here: no such provider) ends on the login page with an error, not a 500.
        HttpResponse<String> cannotStart = get(browser, url("/oauth2/authorization/elsewhere"));
        assertThat(cannotStart.statusCode()).isEqualTo(200);
        assertThat(cannotStart.uri().getQuery()).isEqualTo("ssoerror=provider");
    }

    @Test
    void aBuiltInUsersNameIsNotTakenOver() throws Exception {
        user("oidc-builtin", "waste");
        nextSignIn("oidc-builtin", List.of("city-roads-staff"));
        HttpResponse<String> refused = signIn(browser(), "oidc-builtin");
        assertThat(refused.uri().getQuery()).isEqualTo("ssoerror=taken");
        assertThat(identityService.createGroupQuery().groupMember("oidc-builtin").list()).extracting(g -> g.getId())
                .containsExactly("waste");
    }

    @Test
    void noClaimGivesTheAdminGroupUnlessAllowed() {
        assertThatThrownBy(() -> new OidcProperties(false, null, null, null, List.of("openid"), "preferred_username", true,
                "groups", Map.of("city-it", List.of("camunda-admin")), false, true, "x"))
                .hasMessageContaining("admin-mapping-allowed");
        assertThat(new OidcProperties(false, null, null, null, List.of("openid"), "preferred_username", true,
                "groups", Map.of("city-it", List.of("camunda-admin")), true, true, "x").mapped(List.of("city-it", "other")))
                .containsExactly("camunda-admin");
        assertThat(OidcUsers.providerGroups("a, b c")).containsExactly("a", "b", "c");
    }
}
