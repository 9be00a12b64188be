package org.onestop.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The answers OneStop gives in its filters, before or instead of a controller (a client over its limit, the database
 * out of reach), each with {@code Retry-After} and in the form the caller reads: Open311's error document under
 * {@code /open311} (JSON or XML by the path's extension), an RFC 9457 problem under {@code /api},
 * {@code /engine-rest} and {@code /actuator}, and a short page in the look of the others everywhere else. They are written without the
 * database and carry nothing from the request.
 */
final class ShortAnswer {

    private ShortAnswer() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, long retryAfterSeconds,
                      String detail, String pageTitle, String pageText) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith("/open311/") && path.toLowerCase(Locale.ROOT).endsWith(".json")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("[{\"code\":" + status.value() + ",\"description\":\"" + json(detail) + "\"}]");
        } else if (path.startsWith("/open311/")) {
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + status.value()
                    + "</code><description>" + xml(detail) + "</description></error></errors>");
        } else if (api(path)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + json(detail) + "\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page(pageTitle, pageText, request.getContextPath()));
        }
    }

    static boolean api(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/engine-rest") || path.startsWith("/engine-rest/")
                || path.startsWith("/actuator/");
    }

    /** A page in the look of the others. */
    private static String page(String title, String text, String contextPath) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s · OneStop</title>
                  <link rel="stylesheet" href="%s/css/onestop.css">
                </head>
                <body>
                <main>
                  <div class="card">
                    <h1>%s</h1>
                    <p>%s</p>
                    <p>If it is urgent, call 311. In an emergency, call 911.</p>
                  </div>
                </main>
                </body>
                </html>
                """.formatted(title, contextPath, title, text);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
