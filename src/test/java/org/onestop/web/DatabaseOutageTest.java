package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.TcpProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A database outage, as the connection pool and the driver see it: this application context reaches its database
 * through a TCP proxy (an H2 server of its own; MariaDB under the mysql profile), which the test takes down, cutting
 * every connection and refusing new ones, then brings back. While it is down every request that needs the database is
 * answered within 5 s with 503 and Retry-After, in the form its caller reads, and /actuator/health says DOWN within
 * 2 s; once it is back, the same requests succeed without a restart. Like BehindTlsProxyTest's, this second context
 * has an engine of its own name and stays open until the suite ends: Camunda's REST API finds engines by name in a
 * registry shared by the JVM, and closing a second context broke Tasklist in the shared one (a 500).
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=outage")
class DatabaseOutageTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final Duration HEALTH_WITHIN = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Server h2;
    private static TcpProxy database;

    @LocalServerPort
    int port;
    @Autowired
    RateLimitProperties limits;

    /** A client of its own for every request, as separate people and apps would be (no pooled connections). */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        if (System.getProperty("spring.profiles.active", "").contains("mysql")) {
            // CI's MariaDB: the mysql profile builds its JDBC URL from ONESTOP_DB_URL (jdbc:mysql://host:port/database).
            URI db = URI.create(System.getenv().getOrDefault("ONESTOP_DB_URL", "jdbc:mysql://localhost:3306/onestop").substring(5));
            database = new TcpProxy(db.getHost(), db.getPort() < 0 ? 3306 : db.getPort());
            registry.add("ONESTOP_DB_URL", () -> "jdbc:mysql://127.0.0.1:" + database.port() + db.getPath());
        } else {
            int h2Port;
            try (ServerSocket free = new ServerSocket(0)) {
                h2Port = free.getLocalPort();
            }
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(h2Port), "-ifNotExists", "-tcpDaemon").start();
            database = new TcpProxy("127.0.0.1", h2Port);
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:tcp://127.0.0.1:" + database.port() + "/mem:onestop-outage;DB_CLOSE_DELAY=-1");
        }
    }

    /**
     * Start-up, as a load balancer sees it: the web server listens before the application's start-up work (the
     * administrator and demo data, the customer search index) is done; readiness says DOWN (503) until it is, while
     * liveness already says UP. (The models are deployed before the server listens at all.)
     */
    @TestConfiguration
    static class ProbesDuringStartUp {
        static final Map<String, Integer> seen = new LinkedHashMap<>();

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner probeWhileStarting(ServletWebServerApplicationContext context) {
            return args -> {
                int server = context.getWebServer().getPort();
                for (String probe : List.of("readiness", "liveness")) {
                    seen.put(probe, client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server
                            + "/actuator/health/" + probe)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                }
            };
        }
    }

    @Test
    void duringStartUpReadinessIsDownAndLivenessUp() throws Exception {
        assertThat(ProbesDuringStartUp.seen).containsEntry("readiness", 503).containsEntry("liveness", 200);
        assertThat(get("readiness", "/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    /** The database stays reachable for the rest of the suite; the proxy and H2's server end with the JVM. */
    @AfterAll
    static void databaseBack() {
        database.up();
    }

    private record Answer(String what, int status, String retryAfter, String contentType, String body, long millis) {
    }

    @Test
    void anOutageIsAnswered503WithRetryAfterAndHealthSaysDownAndItRecoversWithoutARestart() throws Exception {
        String agent = user("outage-agent", "contact-centre");
        assertThat(get("health", "/actuator/health", null).status()).isEqualTo(200);
        Answer opened = intake(agent);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        // The first request to /engine-rest starts Camunda's Jersey application (seconds, before any filter runs).
        assertThat(get("engine-rest", "/engine-rest/engine", null).status()).isEqualTo(401);
        String reference = (String) JSON.readValue(opened.body(), Map.class).get("reference");
        // A member of staff has the login page open (its session and CSRF token) when the database goes away.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(browser.send(request("/login", null).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        String login = "username=" + agent + "&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

        database.down();
        List<Answer> answers;
        try {
            // Everything at once, as an outage meets a node: the API, Camunda's REST API, Open311, a resident's page,
            // a staff login, the health check.
            List<CompletableFuture<Answer>> calls = List.of(
                    async(() -> get("health", "/actuator/health", null)),
                    async(() -> get("health: readiness", "/actuator/health/readiness", null)),
                    async(() -> get("liveness", "/actuator/health/liveness", null)),
                    async(() -> get("api read", "/api/cases/" + reference, agent)),
                    async(() -> intake(agent)),
                    async(() -> get("engine-rest", "/engine-rest/task?maxResults=1", agent)),
                    async(() -> get("open311", "/open311/v2/requests/" + reference + ".json", null)),
                    async(() -> get("status page", "/status/" + reference + "?key=x", null)),
                    async(() -> timed("login form", () -> browser.send(request("/login", null)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString()))));
            answers = new ArrayList<>();
            for (CompletableFuture<Answer> call : calls) {
                answers.add(call.get(30, TimeUnit.SECONDS));
            }
            // And again, once the pool has met the outage.
            answers.add(get("health again", "/actuator/health", null));
            answers.add(get("api read again", "/api/cases/" + reference, agent));
            answers.add(get("status page again", "/status/" + reference + "?key=x", null));
            // Without the rate limiter in front, the page's controller is the first to meet the outage (Spring MVC
            // took MariaDB's "Connection reset by peer" for a client that hung up and answered an empty 200).
            limits.setEnabled(false);
            try {
                answers.add(get("status page, no limiter", "/status/" + reference + "?key=x", null));
            } finally {
                limits.setEnabled(true);
            }
        } finally {
            database.up();
        }
        answers.forEach(a -> log.info("During the outage: {} -> {} in {} ms (Retry-After {})", a.what(), a.status(), a.millis(), a.retryAfter()));

        // Liveness does not follow the database: an orchestrator must not restart a node for the database's outage.
        Answer liveness = answers.stream().filter(a -> a.what().equals("liveness")).findFirst().orElseThrow();
        answers.remove(liveness);
        assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
        assertThat(liveness.millis()).isLessThan(HEALTH_WITHIN.toMillis());
        for (Answer a : answers) {
            assertThat(a.status()).as("%s: %s", a.what(), a.body()).isEqualTo(503);
            assertThat(a.millis()).as(a.what()).isLessThan((a.what().startsWith("health") ? HEALTH_WITHIN : ANSWER_WITHIN).toMillis());
            if (!a.what().startsWith("health")) {
                assertThat(a.retryAfter()).as(a.what()).isEqualTo(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            }
        }
        Map<String, Answer> byName = new LinkedHashMap<>();
        answers.forEach(a -> byName.put(a.what(), a));
        assertThat(byName.get("health").body()).contains("\"status\":\"DOWN\"");
        assertThat(byName.get("health: readiness").body()).contains("\"status\":\"DOWN\"");
        for (String api : List.of("api read", "intake", "engine-rest", "api read again")) {
            assertThat(byName.get(api).contentType()).as(api).startsWith("application/problem+json");
            assertThat(byName.get(api).body()).as(api).contains("\"status\":503");
        }
        assertThat(byName.get("open311").body()).startsWith("[{\"code\":503,");
        for (String page : List.of("status page", "login form", "status page again", "status page, no limiter")) {
            assertThat(byName.get(page).contentType()).as(page).startsWith("text/html");
            assertThat(byName.get(page).body()).as(page).contains("<h1>Briefly unavailable</h1>", "try again in");
        }

        // The database is back: the same node answers again, without a restart.
        long back = System.nanoTime();
        Answer health = get("health", "/actuator/health", null);
        while (health.status() != 200 && System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(200);
            health = get("health", "/actuator/health", null);
        }
        log.info("Database back: health UP after {} ms", (System.nanoTime() - back) / 1_000_000);
        assertThat(health.status()).isEqualTo(200);
        assertThat(get("readiness", "/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(intake(agent).status()).isEqualTo(201);
        assertThat(get("api read", "/api/cases/" + reference, agent).status()).isEqualTo(200);
        assertThat(get("status page", "/status/" + reference + "?key=x", null).status()).isEqualTo(200);
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private interface Timed {
        Answer run() throws Exception;
    }

    private static CompletableFuture<Answer> async(Timed call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Answer timed(String what, Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.send();
        return new Answer(what, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    private Answer get(String what, String path, String user) throws Exception {
        return timed(what, () -> client().send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Answer intake(String user) throws Exception {
        Map<String, Object> body = Map.of("serviceCode", "pothole", "channel", "phone", "description", "Outage test",
                "address", "120 King St E, Lakeport", "customer", Map.of("name", "Outage Caller", "phone", "(905) 555-0199"),
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        return timed("intake", () -> client().send(request("/api/cases", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
