package org.onestop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local SMS gateway speaking the Twilio-compatible "create a message" call OneStop's SMS channel uses: it takes
 * form POSTs on the test profile's {@code onestop.sms.url} (port {@value #PORT}), keeps each message with its
 * Authorization and Idempotency-Key headers, and answers 201 with a message id, or the status a test sets. Register
 * with {@code @RegisterExtension}; it runs for each test method.
 */
public final class FakeSmsGateway implements BeforeEachCallback, AfterEachCallback {

    public static final int PORT = 3027;
    public static final String PATH = "/2010-04-01/Accounts/ACtest/Messages.json";

    public record Message(String to, String from, String body, String authorization, String idempotencyKey) {
    }

    private final List<Message> received = new ArrayList<>();
    private volatile int answer = 201;
    private HttpServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        received.clear();
        answer = 201;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext(PATH, exchange -> {
            Map<String, String> form = new LinkedHashMap<>();
            try (InputStream in = exchange.getRequestBody()) {
                for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            int status = "POST".equals(exchange.getRequestMethod()) ? answer : 405;
            if (status / 100 == 2) {
                synchronized (received) {
                    received.add(new Message(form.get("To"), form.get("From"), form.get("Body"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                }
            }
            byte[] body = (status / 100 == 2 ? "{\"sid\":\"SM" + System.nanoTime() + "\",\"status\":\"queued\"}"
                    : "{\"code\":21211,\"message\":\"failed\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop(0);
    }

    /** From now on the gateway answers with this status (and keeps nothing unless it is a 2xx). */
    public void answer(int status) {
        this.answer = status;
    }

    public List<Message> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
