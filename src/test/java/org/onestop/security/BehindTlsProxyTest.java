package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy that terminates TLS, with the one setting the README names (server.forward-headers-strategy=native):
 * a login that reached the proxy over https gets a Secure session cookie, HSTS, and redirects that stay on https.
 * Its own application context (the suite's one extra), with its own engine name beside the shared context's engine.
 */
@TestPropertySource(properties = {"server.forward-headers-strategy=native", "camunda.bpm.process-engine-name=behind-proxy"})
class BehindTlsProxyTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A request as the proxy forwards it: plain HTTP from a private address, saying the client used https. */
    private HttpRequest.Builder viaProxy(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(cookies).as("a session cookie").hasSize(1);
        return cookies.get(0);
    }

    @Test
    void aLoginOverHttpsGetsASecureSessionCookieAndHsts() throws Exception {
        String agent = user("tls-agent", "contact-centre");
        HttpResponse<String> page = client.send(viaProxy("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        String first = sessionCookie(page);
        assertThat(first).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");

        String form = "username=" + agent + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(WebSession.csrf(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(viaProxy("/login")
                .header("Cookie", first.substring(0, first.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(302);
        // The proxy's own port (443 for https, without an X-Forwarded-Port), not OneStop's.
        assertThat(login.headers().firstValue("Location")).hasValue("https://localhost/staff");
        assertThat(sessionCookie(login)).as("the session after login (a new id)").containsIgnoringCase("; Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void plainHttpFromTheProxyGetsNoHsts() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "http").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(page)).doesNotContainIgnoringCase("Secure");
    }
}
