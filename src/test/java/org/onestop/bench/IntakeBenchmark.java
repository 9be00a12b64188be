package org.onestop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Intake at ≥ 50 % of the bare engine's rate for the same shape, measured in the same run, and p99 ≤ 150 ms at half
 * of OneStop's own maximum rate." OneStop's intake ({@code POST /api/cases}, a pothole case with its customer, as a
 * contact-centre agent) and the bare engine doing the same shape (start → the pothole routing table in a business
 * rule task → a user task for the department's group, started through {@code POST /engine-rest/process-definition/key/…/start}
 * in the same JVM, as a user with the rights to start it) run alternately, round after round, each with the same
 * number of concurrent clients as fast as they are answered; then OneStop alone at half of the rate it reached, paced
 * on a fixed schedule (latency counted from when each request was due, so a slow answer delays nothing unseen).
 * Before that, a few intakes of each kind one at a time count the statements they send ({@link StatementCounter});
 * one of each, statement by statement, goes to {@code target/bench/intake-statements.txt}.
 * Runs only with {@code ./mvnw -Pbench test -Dtest=IntakeBenchmark} ({@code -Dbench.profiles=test,mysql} for
 * MariaDB/MySQL); sizes: {@code -Dbench.warmup} intakes of each kind first (200), {@code -Dbench.rounds} (3),
 * {@code -Dbench.intakes} per kind and round (100), {@code -Dbench.clients} (4), {@code -Dbench.paced} (200).
 */
@Import(IntakeBenchmark.Counting.class)
class IntakeBenchmark extends IntegrationTest {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int PER_ROUND = Integer.getInteger("bench.intakes", 100);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int PACED = Integer.getInteger("bench.paced", 200);
    /** Intakes of each kind before anything is measured: the JIT compiles the hot paths of both (30 were too few). */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    static final int COUNTED = 20;
    static final String BARE = "BenchBareIntake";
    static final double MIN_RATIO = 0.5;
    static final double P99_LIMIT_MS = 150;

    @TestConfiguration
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${camunda.bpm.history-level}")
    String historyLevel;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger sequence = new AtomicInteger();

    /** One kind of intake: sends one request and checks its answer. */
    interface Intake {
        void run() throws Exception;
    }

    record Timings(String kind, long[] nanos, double seconds) {
        double rate() {
            return nanos.length / seconds;
        }

        double percentileMs(int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }

        static Timings of(String kind, List<Timings> runs) {
            long[] all = runs.stream().flatMapToLong(r -> Arrays.stream(r.nanos)).toArray();
            return new Timings(kind, all, runs.stream().mapToDouble(Timings::seconds).sum());
        }
    }

    @Test
    void intakeRunsAtHalfTheBareEnginesRateOrBetterWithP99Under150MsAtHalfItsMaximum() throws Exception {
        String agent = user("bench-intake-agent", "contact-centre");
        String starter = user("bench-bare-starter");
        deployBareProcess(starter);
        long bareTasksBefore = bareTasks();
        Intake oneStop = () -> openCase(agent);
        Intake bare = () -> startBare(starter);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "Intake benchmark on %s, history level %s: %d rounds of %d intakes per kind, %d clients, alternating",
                database(), historyLevel, ROUNDS, PER_ROUND, CLIENTS));
        String loadBefore = TimerStormBenchmark.loadAverage();

        // warm-up, then what one intake sends to the database, one at a time
        closedLoop("warm-up", oneStop, WARM_UP, CLIENTS);
        closedLoop("warm-up", bare, WARM_UP, CLIENTS);
        Files.createDirectories(Path.of("target/bench"));
        List<String> one = new ArrayList<>(List.of("-- one OneStop intake"));
        one.addAll(StatementCounter.counting(oneStop::run).log());
        one.add("-- one bare engine start");
        one.addAll(StatementCounter.counting(bare::run).log());
        Files.write(Path.of("target/bench/intake-statements.txt"), one);
        StatementCounter.Counts oneStopCounts = count(oneStop);
        StatementCounter.Counts bareCounts = count(bare);
        report.add(String.format(Locale.ROOT, "statements per intake: OneStop %.1f (%.1f round trips, %.1f commits); bare engine %.1f (%.1f round trips, %.1f commits)",
                per(oneStopCounts.statements()), per(oneStopCounts.roundTrips()), per(oneStopCounts.commits()),
                per(bareCounts.statements()), per(bareCounts.roundTrips()), per(bareCounts.commits())));
        report.add("  OneStop's, by statement: " + top(oneStopCounts));
        report.add("  bare engine's, by statement: " + top(bareCounts));

        // as fast as they are answered, alternately
        report.add(String.format(Locale.ROOT, "%-6s %-12s %9s %9s %9s %9s", "round", "kind", "cases/s", "p50 ms", "p95 ms", "p99 ms"));
        List<Timings> oneStopRuns = new ArrayList<>();
        List<Timings> bareRuns = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Timings o = closedLoop("OneStop", oneStop, PER_ROUND, CLIENTS);
            Timings b = closedLoop("bare engine", bare, PER_ROUND, CLIENTS);
            oneStopRuns.add(o);
            bareRuns.add(b);
            report.add(line(String.valueOf(round), o));
            report.add(line(String.valueOf(round), b));
        }
        Timings oneStopAll = Timings.of("OneStop", oneStopRuns);
        Timings bareAll = Timings.of("bare engine", bareRuns);
        report.add(line("all", oneStopAll));
        report.add(line("all", bareAll));
        double ratio = oneStopAll.rate() / bareAll.rate();
        double[] perRound = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            perRound[r] = oneStopRuns.get(r).rate() / bareRuns.get(r).rate();
        }
        report.add(String.format(Locale.ROOT, "OneStop / bare engine: %.2f (target >= %.2f); round by round %s", ratio, MIN_RATIO,
                Arrays.stream(perRound).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toList()));

        // OneStop alone at half its maximum rate, on a fixed schedule
        double pacedRate = oneStopAll.rate() / 2;
        Timings paced = paced("OneStop paced", oneStop, PACED, pacedRate);
        report.add(String.format(Locale.ROOT, "OneStop at half its maximum (%.1f/s asked, %.1f/s done): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (target p99 <= %.0f ms)",
                pacedRate, paced.rate(), paced.percentileMs(50), paced.percentileMs(95), paced.percentileMs(99), P99_LIMIT_MS));
        report.add("load average before: " + loadBefore + "; after: " + TimerStormBenchmark.loadAverage());

        String text = String.join("\n", report);
        System.out.println(text);
        Files.writeString(Path.of("target/bench/intake.txt"), text + "\n");

        assertThat(bareTasks() - bareTasksBefore).as("every bare instance waits in a task for the roads group")
                .isEqualTo(WARM_UP + 1L + COUNTED + (long) ROUNDS * PER_ROUND);
        assertThat(ratio).as("OneStop's intake rate / the bare engine's").isGreaterThanOrEqualTo(MIN_RATIO);
        assertThat(paced.percentileMs(99)).as("p99 in ms at half of OneStop's maximum rate").isLessThanOrEqualTo(P99_LIMIT_MS);
    }

    // ------------------------------------------------------------------ the two kinds of intake

    private void openCase(String agent) throws Exception {
        int n = sequence.incrementAndGet();
        HttpResponse<String> response = post(agent, "/api/cases", ClosedCaseStorageBenchmark.potholeIntake("Intake Caller", 5000 + n % 50));
        if (response.statusCode() != 201 || !response.body().contains("\"department\":\"roads\"")) {
            throw new AssertionError("intake answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void startBare(String starter) throws Exception {
        Map<String, Object> variables = Map.of("hazard", Map.of("value", true), "size", Map.of("value", "large"),
                "locationOnRoad", Map.of("value", "driving-lane"));
        HttpResponse<String> response = post(starter, "/engine-rest/process-definition/key/" + BARE + "/start",
                Map.of("businessKey", "BARE-" + sequence.incrementAndGet(), "variables", variables));
        if (response.statusCode() != 200) {
            throw new AssertionError("bare start answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Start → the pothole routing table → a user task for the group it chose; startable by the given user only. */
    private void deployBareProcess(String starter) {
        repositoryService.createDeployment().name(BARE).addModelInstance(BARE + ".bpmn",
                Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .businessRuleTask("Task_Route").camundaDecisionRef("PotholeRouting")
                        .camundaOutputParameter("departmentGroup", "${decisionResult[0].departmentGroup}")
                        .userTask("Task_Inspect").camundaCandidateGroups("${departmentGroup}")
                        .endEvent().done())
                .deploy();
        grant(starter, Resources.PROCESS_DEFINITION, BARE, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(starter, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    private long bareTasks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
                + " WHERE t.PROC_DEF_ID_ LIKE ? AND l.GROUP_ID_ = 'roads'", Long.class, BARE + ":%");
    }

    private void grant(String user, Resources resource, String id, Permissions... permissions) {
        if (authorizationService.createAuthorizationQuery().userIdIn(user).resourceType(resource).resourceId(id).count() > 0) {
            return; // granted in an earlier run on this database
        }
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permissions permission : permissions) {
            grant.addPermission(permission);
        }
        authorizationService.saveAuthorization(grant);
    }

    private HttpResponse<String> post(String user, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ measuring

    private static StatementCounter.Counts count(Intake intake) throws Exception {
        return StatementCounter.counting(() -> {
            for (int i = 0; i < COUNTED; i++) {
                intake.run();
            }
        });
    }

    private static double per(long total) {
        return (double) total / COUNTED;
    }

    private static String top(StatementCounter.Counts counts) {
        return counts.byKind().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), per(e.getValue())))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** n intakes by the given number of clients, each sending its next request as soon as the last is answered. */
    private static Timings closedLoop(String kind, Intake intake, int n, int clients) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            jobs.add(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    intake.run();
                    nanos[i] = System.nanoTime() - start;
                }
                return null;
            });
        }
        return new Timings(kind, nanos, runAll(clients, jobs));
    }

    /** n intakes due at a fixed rate; each one's latency runs from when it was due. */
    private static Timings paced(String kind, Intake intake, int n, double perSecond) throws Exception {
        long[] nanos = new long[n];
        long t0 = System.nanoTime() + 10_000_000;
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            long due = t0 + (long) (k * 1e9 / perSecond);
            jobs.add(() -> {
                LockSupport.parkNanos(due - System.nanoTime());
                intake.run();
                nanos[k] = System.nanoTime() - due;
                return null;
            });
        }
        return new Timings(kind, nanos, runAll(32, jobs));
    }

    /** Runs the jobs on that many threads; the seconds they took together. */
    private static double runAll(int threads, List<Callable<Void>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            for (Future<Void> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String line(String round, Timings t) {
        return String.format(Locale.ROOT, "%-6s %-12s %9.1f %9.1f %9.1f %9.1f", round, t.kind(), t.rate(),
                t.percentileMs(50), t.percentileMs(95), t.percentileMs(99));
    }

    private String database() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
    }
}
