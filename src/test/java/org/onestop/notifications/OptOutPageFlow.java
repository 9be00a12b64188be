package org.onestop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The opt-out page as a browser without JavaScript uses it: GET the page, POST its form with the CSRF token. */
final class OptOutPageFlow {

    private OptOutPageFlow() {
    }

    static void optOut(String root, String token) {
        HttpResponse<String> page = page(root, token, "/notices/opt-out/", "Stop notices about your requests", "Notices stopped");
        assertThat(page.body()).contains("You get no notices about your requests", "Send me notices again");
    }

    static void optIn(String root, String token) {
        HttpResponse<String> page = page(root, token, "/notices/opt-in/", "Notices stopped", "Stop notices about your requests");
        assertThat(page.body()).contains("you will get notices about your requests again", "Stop all notices");
    }

    private static HttpResponse<String> page(String root, String token, String action, String before, String after) {
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(root + "/notices/opt-out/" + token)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).contains("<h1>" + before + "</h1>");
            String csrf = get.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(root + action + token))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).contains("<h1>" + after + "</h1>");
            return post;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
