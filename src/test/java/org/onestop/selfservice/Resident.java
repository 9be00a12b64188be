package org.onestop.selfservice;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resident's browser without JavaScript, for the integration tests: keeps the session cookie, does not follow
 * redirects, and posts forms (multipart with files, or url-encoded) with the CSRF token of the page they came from.
 */
final class Resident {

    record Part(String name, String value, String filename, String contentType, byte[] bytes) {
        static Part field(String name, String value) {
            return new Part(name, value, null, null, null);
        }

        static Part file(String name, String filename, String contentType, byte[] bytes) {
            return new Part(name, null, filename, contentType, bytes);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String root;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Resident(int port) {
        this.root = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(root + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(root + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** Opens the form page first (for its token), then posts the parts as multipart/form-data. */
    HttpResponse<String> postMultipart(String formPage, String action, List<Part> parts) throws Exception {
        String token = csrf(get(formPage).body());
        List<Part> all = new ArrayList<>(parts);
        all.add(Part.field("_csrf", token));
        String boundary = "----resident" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : all) {
            body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (part.filename() == null) {
                body.write(("Content-Disposition: form-data; name=\"" + part.name() + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(part.value().getBytes(StandardCharsets.UTF_8));
            } else {
                body.write(("Content-Disposition: form-data; name=\"" + part.name() + "\"; filename=\"" + part.filename() + "\"\r\n"
                        + "Content-Type: " + part.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(part.bytes());
            }
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(root + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the form page first (for its token), then posts the fields url-encoded. */
    HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf(get(formPage).body()), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> form.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(URI.create(root + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
