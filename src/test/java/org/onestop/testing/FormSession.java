package org.onestop.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in page session that posts HTML forms as a browser does: session cookie, CSRF token, no redirects followed.
 * Form fields are name/value pairs; a name may repeat (multi-value questions).
 */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String root;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private String acceptLanguage;

    public FormSession(String root) {
        this.root = root;
    }

    /** From now on, send this Accept-Language header (e.g. "fr-CA,fr;q=0.9"), as a browser set up in that language does. */
    public FormSession acceptLanguage(String header) {
        this.acceptLanguage = header;
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
        return acceptLanguage == null ? request : request.header("Accept-Language", acceptLanguage);
    }

    public static FormSession loggedIn(String root, String user, String password) throws Exception {
        FormSession session = new FormSession(root);
        HttpResponse<String> login = session.post("/login", "username", user, "password", password);
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login of " + user + " failed: " + login.statusCode() + " " + login.headers().map());
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form fields (name, value, name, value…) with this session's CSRF token. */
    public HttpResponse<String> post(String path, String... fields) throws Exception {
        List<String> pairs = new ArrayList<>(List.of(fields));
        pairs.add("_csrf");
        pairs.add(csrfToken());
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return client.send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The location a response redirects to, without the host. */
    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
    }

    private String csrfToken() throws Exception {
        Matcher m = CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        return m.group(1);
    }
}
