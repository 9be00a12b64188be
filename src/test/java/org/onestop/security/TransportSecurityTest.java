package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without the proxy setting (the default, see {@link BehindTlsProxyTest}), plain HTTP gets no HSTS and a session cookie
 * without Secure, and a client cannot claim https with a forwarded header of its own.
 */
class TransportSecurityTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void plainHttpGetsNoHstsAndForwardedHeadersAreNotTrusted() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String proto : new String[] {null, "https"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET();
            if (proto != null) {
                request.header("X-Forwarded-Proto", proto);
            }
            HttpResponse<String> page = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).as("X-Forwarded-Proto %s", proto).isEmpty();
            assertThat(page.headers().allValues("Set-Cookie")).as("X-Forwarded-Proto %s", proto)
                    .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="))
                    .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("secure"));
        }
    }
}
