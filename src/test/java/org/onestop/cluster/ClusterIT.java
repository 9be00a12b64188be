package org.onestop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two OneStop nodes, started from the packaged jar, on one MariaDB database of their own ({@code onestop_cluster},
 * created and dropped here), with bounded load through both; node A is killed with SIGKILL (kill -9) in the middle.
 * <ul>
 * <li>Intake: 4 clients open cases through both nodes (round robin, a short pause between requests), before and after
 * the kill. Every case a client got a 201 for exists exactly once, and every case in the database, accepted or cut
 * off by the kill, has exactly one lifecycle process: nothing lost, nothing twice.</li>
 * <li>Jobs: 150 one-timer processes are started with their job definition suspended, then activated at once: a
 * timer storm on both nodes. A is killed while it holds locked jobs; B runs them within 1 minute (lock 50 s), each
 * timer once, no incidents.</li>
 * <li>Notices: A's SMTP server accepts the connection and answers its greeting one continuation line every 2 s,
 * forever (a tarpit), so the notice A takes is still being sent when A dies; B, on a working server (GreenMail),
 * sends it within 2 minutes (lease 1 minute + poll). Every notice arrives once, with its own Message-ID.</li>
 * <li>Rate limits: 40 login POSTs from one address, alternating between the nodes, get exactly 10 refusals (the limit
 * is 30 a minute for the cluster, not per node).</li>
 * </ul>
 * Runs with the mysql profile only ({@code ./mvnw verify -Dtest.profiles=test,mysql}, CI's second run), as failsafe's
 * integration test after {@code package}; ONESTOP_DB_URL, ONESTOP_DB_USER and ONESTOP_DB_PASSWORD name the server
 * (the user must be allowed to create a database). Node logs and the measured figures: {@code target/cluster-it/}.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*mysql.*")
class ClusterIT {

    private static final String DATABASE = "onestop_cluster";
    private static final String ADMIN = "cluster-admin";
    private static final String ADMIN_PASSWORD = "cluster-admin-" + UUID.randomUUID();
    private static final String AGENT = "cluster-agent";
    private static final String AGENT_PASSWORD = "cluster-agent-" + UUID.randomUUID();
    private static final Duration JOBS_WITHIN = Duration.ofMinutes(1);
    private static final Duration NOTICE_WITHIN = Duration.ofMinutes(2);
    private static final int PROBES = 1000; // enough that the storm outlasts an acquisition round: both nodes take jobs
    private static final int CLIENTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target", "cluster-it");

    private final String server = serverUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private GreenMail mail;
    private Tarpit tarpit;

    @AfterEach
    void stop() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (tarpit != null) {
            tarpit.close();
        }
        try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void twoNodesOnOneDatabaseLoseAndRepeatNothingWhenOneIsKilledMidLoad() throws Exception {
        Files.createDirectories(OUT);
        try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        tarpit = new Tarpit();

        // A first (it creates the schema), then B.
        Node a = start("a", tarpit.port());
        a.awaitUp(Duration.ofMinutes(3));
        Node b = start("b", mail.getSmtp().getPort());
        b.awaitUp(Duration.ofMinutes(2));
        JsonNode lockOwner = JSON.readTree(get(a, "/actuator/health").body()).findValue("lockOwner");
        String lockOwnerA = lockOwner == null ? null : lockOwner.asText();
        assertThat(lockOwnerA).as("node A's job executor lock owner (health details)").isNotBlank();

        // The first administrator makes an agent; the probe model is deployed and its timers held back.
        assertThat(send(a, "POST", "/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, """
                {"profile": {"id": "%s", "firstName": "Cluster", "lastName": "Agent", "email": "agent@example.org"},
                 "credentials": {"password": "%s"}}""".formatted(AGENT, AGENT_PASSWORD)).statusCode()).isEqualTo(204);
        assertThat(send(b, "PUT", "/engine-rest/group/contact-centre/members/" + AGENT, ADMIN, ADMIN_PASSWORD, null).statusCode()).isEqualTo(204);
        assertThat(deployProbe(b).statusCode()).isEqualTo(200);
        assertThat(send(a, "PUT", "/engine-rest/job-definition/suspended", ADMIN, ADMIN_PASSWORD,
                "{\"processDefinitionKey\": \"ClusterProbeProcess\", \"suspended\": true, \"includeJobs\": true}").statusCode()).isEqualTo(204);

        sharedRateLimit(a, b);

        // Load through both nodes until 10 s after the kill.
        AtomicBoolean stopLoad = new AtomicBoolean();
        Map<Integer, String> accepted = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> acceptedBy = Map.of("a", new AtomicInteger(), "b", new AtomicInteger(), "b after the kill", new AtomicInteger());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 2);
        List<Future<?>> load = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            load.add(clients.submit(() -> {
                while (!stopLoad.get()) {
                    int i = sent.getAndIncrement();
                    Node node = i % 2 == 0 && !killed.get() ? a : b;
                    try {
                        HttpResponse<String> r = send(node, "POST", "/api/cases", AGENT, AGENT_PASSWORD, intake(i));
                        if (r.statusCode() == 201) {
                            accepted.put(i, JSON.readTree(r.body()).get("reference").asText());
                            acceptedBy.get(node == b && killed.get() ? "b after the kill" : node.name).incrementAndGet();
                        } else {
                            unanswered.incrementAndGet();
                        }
                    } catch (IOException e) {
                        unanswered.incrementAndGet();
                    }
                    Thread.sleep(250);
                }
                return null;
            }));
        }
        // Meanwhile the probes: one timer each, all created suspended.
        String dueNow = Instant.now().toString().replaceAll("(\\.\\d{3})?\\d*Z$", ".000+0000");
        List<Future<Integer>> probes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Node node = p == 0 ? a : b;
            probes.add(clients.submit(() -> {
                int ok = 0;
                for (int i = 0; i < PROBES / 2; i++) {
                    ok += send(node, "POST", "/engine-rest/process-definition/key/ClusterProbeProcess/start", ADMIN, ADMIN_PASSWORD,
                            "{\"variables\": {\"due\": {\"value\": \"" + dueNow + "\", \"type\": \"Date\"}}}").statusCode() == 200 ? 1 : 0;
                }
                return ok;
            }));
        }
        for (Future<Integer> p : probes) {
            assertThat(p.get(3, TimeUnit.MINUTES)).isEqualTo(PROBES / 2);
        }

        try (Connection db = DriverManager.getConnection(server + DATABASE, user(), password())) {
            // A takes a notice and is stuck sending it to the tarpit: a notice held for 3 s is A's.
            long heldNotice = noticeHeldFor(db, Duration.ofSeconds(3), Duration.ofSeconds(60));
            // The timer storm, on both nodes; A dies while it holds locked jobs.
            assertThat(send(b, "PUT", "/engine-rest/job-definition/suspended", ADMIN, ADMIN_PASSWORD,
                    "{\"processDefinitionKey\": \"ClusterProbeProcess\", \"suspended\": false, \"includeJobs\": true}").statusCode()).isEqualTo(204);
            long stormAt = System.nanoTime();
            while (count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", lockOwnerA) == 0
                    && System.nanoTime() - stormAt < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(5);
            }
            a.kill();
            killed.set(true);
            long killAt = System.nanoTime();
            Set<String> heldJobs = ids(db, "SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", lockOwnerA);
            figures.put("jobs held by A when killed", heldJobs.size());
            figures.put("notice held by A when killed", heldNotice);
            assertThat(heldJobs).as("A was killed holding locked jobs").isNotEmpty();
            assertThat(status(db, heldNotice)).isEqualTo("SENDING");

            Thread.sleep(10_000);
            stopLoad.set(true);
            for (Future<?> f : load) {
                f.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();

            // B finishes what A held.
            Duration jobsDone = null;
            Duration noticeSent = null;
            while ((jobsDone == null || noticeSent == null) && System.nanoTime() - killAt < Duration.ofMinutes(3).toNanos()) {
                if (jobsDone == null && count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + String.join(",",
                        heldJobs.stream().map(id -> "'" + id + "'").toList()) + ")") == 0) {
                    jobsDone = Duration.ofNanos(System.nanoTime() - killAt);
                }
                if (noticeSent == null && "SENT".equals(status(db, heldNotice))) {
                    noticeSent = Duration.ofNanos(System.nanoTime() - killAt);
                }
                Thread.sleep(250);
            }
            figures.put("A's jobs done by B after the kill (s)", jobsDone == null ? "never" : jobsDone.toMillis() / 1000.0);
            figures.put("A's notice sent by B after the kill (s)", noticeSent == null ? "never" : noticeSent.toMillis() / 1000.0);
            waitFor(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'ClusterProbeProcess' AND END_TIME_ IS NOT NULL", PROBES);
            waitFor(db, "SELECT COUNT(*) FROM notification WHERE status IN ('PENDING', 'RETRY', 'SENDING')", 0);

            figures.put("intakes sent", sent.get());
            figures.put("intakes accepted (201)", accepted.size());
            acceptedBy.forEach((node, n) -> figures.put("  accepted by " + node, n.get()));
            figures.put("intakes without an answer (cut off by the kill)", unanswered.get());
            figures.put("cases in the database", count(db, "SELECT COUNT(*) FROM service_request"));
            figures.put("notices sent (GreenMail)", mail.getReceivedMessages().length);
            report();

            assertThat(jobsDone).as("A's jobs finished by B").isNotNull().isLessThanOrEqualTo(JOBS_WITHIN);
            assertThat(noticeSent).as("A's notice sent by B").isNotNull().isLessThanOrEqualTo(NOTICE_WITHIN);
            assertThat(acceptedBy.get("a").get()).as("A took intakes before the kill").isPositive();
            assertThat(acceptedBy.get("b").get()).as("B took intakes before the kill").isPositive();
            assertThat(acceptedBy.get("b after the kill").get()).as("B took intakes after the kill").isPositive();

            // Every accepted case exactly once, each case with exactly one process, no case twice.
            for (String reference : accepted.values()) {
                assertThat(count(db, "SELECT COUNT(*) FROM service_request WHERE reference = ?", reference)).as(reference).isEqualTo(1);
            }
            assertThat(new HashSet<>(accepted.values())).hasSize(accepted.size());
            assertThat(ids(db, "SELECT description FROM service_request GROUP BY description HAVING COUNT(*) > 1")).as("cases opened twice").isEmpty();
            assertThat(ids(db, "SELECT r.reference FROM service_request r LEFT JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = r.reference"
                    + " AND p.PROC_DEF_KEY_ = 'CaseLifecycleProcess' GROUP BY r.reference HAVING COUNT(p.ID_) <> 1"))
                    .as("cases without exactly one lifecycle process").isEmpty();

            // Every timer fired once, nothing failed.
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Due' AND END_TIME_ IS NOT NULL")).isEqualTo(PROBES);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();

            // Every notice delivered once, with the Message-ID of its outbox row.
            Set<String> expected = ids(db, "SELECT CONCAT('<notice-', id, '@lakeport.example>') FROM notification WHERE channel = 'email'");
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                received.merge(m.getMessageID(), 1, Integer::sum);
            }
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(received.values()).as("each notice once").containsOnly(1);
            assertThat(expected).contains("<notice-" + heldNotice + "@lakeport.example>");
        }
    }

    /** The public limits count for the cluster: 30 POSTs a minute per address, whichever node gets them. */
    private void sharedRateLimit(Node a, Node b) throws Exception {
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            // No CSRF token: each allowed POST is a 403, a refused one a 429.
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create((i % 2 == 0 ? a : b).url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=x")).build(), HttpResponse.BodyHandlers.ofString());
            refused += r.statusCode() == 429 ? 1 : 0;
        }
        figures.put("login POSTs refused of 40 through both nodes (limit 30)", refused);
        assertThat(refused).isEqualTo(10);
    }

    private String intake(int i) throws IOException {
        return JSON.writeValueAsString(Map.of("serviceCode", "pothole", "channel", "phone",
                "description", "Cluster test " + run + " #" + i, "address", "120 King St E, Lakeport",
                "customer", Map.of("name", "Cluster Caller " + i, "email", "cluster-" + run + "-" + i + "@example.org"),
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
    }

    private HttpResponse<String> deployProbe(Node node) throws Exception {
        String boundary = "cluster-" + run;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncluster-probe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + PROBE + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/deployment/create")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         id="ClusterProbe" targetNamespace="http://onestop.org/cluster-test">
              <process id="ClusterProbeProcess" name="Cluster probe (test)" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="Start"/>
                <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Due"/>
                <intermediateCatchEvent id="Due" name="Due">
                  <timerEventDefinition><timeDate>${due}</timeDate></timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="Flow_2" sourceRef="Due" targetRef="End"/>
                <endEvent id="End"/>
              </process>
            </definitions>""";

    /** A notice in SENDING for at least {@code held}: the one a node is stuck on. */
    private long noticeHeldFor(Connection db, Duration held, Duration within) throws Exception {
        Map<String, Long> firstSeen = new HashMap<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < within.toNanos()) {
            for (String id : ids(db, "SELECT CAST(id AS CHAR) FROM notification WHERE status = 'SENDING'")) {
                long seen = firstSeen.computeIfAbsent(id, x -> System.nanoTime());
                if (System.nanoTime() - seen >= held.toNanos()) {
                    return Long.parseLong(id);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no notice was held by a node for " + held + " within " + within);
    }

    private void waitFor(Connection db, String sql, long expected) throws Exception {
        long start = System.nanoTime();
        long n = count(db, sql);
        while (n != expected && System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(500);
            n = count(db, sql);
        }
        assertThat(n).as(sql).isEqualTo(expected);
    }

    private static String status(Connection db, long notice) throws SQLException {
        Set<String> s = ids(db, "SELECT status FROM notification WHERE id = " + notice);
        return s.isEmpty() ? null : s.iterator().next();
    }

    private static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Set<String> ids(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            Set<String> ids = new HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    private void report() throws IOException {
        StringBuilder text = new StringBuilder("Cluster test " + run + "\n");
        figures.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        System.out.print(text);
        Files.writeString(OUT.resolve("figures.txt"), text);
    }

    // ---------------------------------------------------------------- nodes

    private Node start(String name, int smtpPort) throws IOException {
        int port = freePort();
        Path log = OUT.resolve("node-" + name + ".log");
        String jar = System.getProperty("cluster.jar");
        assertThat(jar).as("cluster.jar (the packaged application; set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-jar", jar,
                // The job executor's lock owner in the health details, so the test knows which jobs A holds.
                "--management.endpoint.health.show-details=always")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "mysql");
        env.put("ONESTOP_DB_URL", server + DATABASE);
        env.put("ONESTOP_DB_USER", user());
        env.put("ONESTOP_DB_PASSWORD", password());
        env.put("ONESTOP_ADMIN_USER", ADMIN);
        env.put("ONESTOP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("ONESTOP_SMTP_HOST", "127.0.0.1");
        env.put("ONESTOP_SMTP_PORT", String.valueOf(smtpPort));
        env.put("PORT", String.valueOf(port));
        Node node = new Node(name, port, builder.start());
        nodes.add(node);
        return node;
    }

    private final class Node {
        final String name;
        final int port;
        final Process process;

        Node(String name, int port, Process process) {
            this.name = name;
            this.port = port;
            this.process = process;
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        void awaitUp(Duration within) throws Exception {
            long start = System.nanoTime();
            while (System.nanoTime() - start < within.toNanos()) {
                assertThat(process.isAlive()).as("node " + name + " is running (see " + OUT.resolve("node-" + name + ".log") + ")").isTrue();
                try {
                    if (get(this, "/actuator/health").statusCode() == 200) {
                        figures.put("node " + name + " up after (s)", (System.nanoTime() - start) / 1_000_000 / 1000.0);
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(500);
            }
            throw new AssertionError("node " + name + " not up within " + within);
        }

        /** kill -9: SIGKILL, no shutdown hooks, nothing let go. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(Node node, String method, String path, String user, String password, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, password));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the database server

    /** jdbc:mysql://host:port/ from ONESTOP_DB_URL, with the parameters the mysql profile adds. */
    private static String serverUrl() {
        URI db = URI.create(System.getenv().getOrDefault("ONESTOP_DB_URL", "jdbc:mysql://127.0.0.1:3306/onestop").substring(5));
        return "jdbc:mysql://" + db.getHost() + ":" + (db.getPort() < 0 ? 3306 : db.getPort()) + "/";
    }

    private static String user() {
        return System.getenv().getOrDefault("ONESTOP_DB_USER", "root");
    }

    private static String password() {
        return System.getenv().getOrDefault("ONESTOP_DB_PASSWORD", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An SMTP server that never finishes its greeting: one "220-" continuation line every 2 s, forever. */
    private static final class Tarpit implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0);
        private final ExecutorService threads = Executors.newCachedThreadPool();

        Tarpit() throws IOException {
            threads.submit(() -> {
                while (!server.isClosed()) {
                    Socket client = server.accept();
                    threads.submit(() -> {
                        try (Socket c = client; OutputStream out = c.getOutputStream()) {
                            while (true) {
                                out.write("220-cluster test: a very slow mail server\r\n".getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                                Thread.sleep(2000);
                            }
                        } catch (IOException | InterruptedException gone) {
                            return null;
                        }
                    });
                }
                return null;
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
