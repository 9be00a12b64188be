package org.onestop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * "Start-up ≤ 20 s to the first page on an idle machine; runs under load with -Xmx512m." OneStop is started the way
 * the README's first command runs it (no profile: the embedded H2 file database, demo users and data), in a JVM of its
 * own with {@code -Xmx512m}, from the application's runtime classpath (written by the bench profile to
 * {@code target/bench/runtime-classpath.txt}: the packaged jar holds exactly these). Timed from the process start to
 * the first {@code 200} of {@code /login}: once on an empty database (schema, models and demo data created), once
 * again on the database the first run left; the time until readiness says UP is printed beside it. Then 4 clients
 * send intakes as fast as they are answered
 * ({@code -Dbench.startupIntakes}, 400 by default) and the run fails if any is not a 201 or the process dies. The
 * load average before and after each start is printed beside the figures; on a busy machine the 20 s is not a fair
 * test, which is why this is a benchmark and not part of the suite. Runs only with
 * {@code ./mvnw -Pbench test -Dtest=StartupBenchmark}; written to {@code target/bench/startup.txt}.
 */
class StartupBenchmark {

    static final Duration FIRST_PAGE_WITHIN = Duration.ofSeconds(20);
    static final int INTAKES = Integer.getInteger("bench.startupIntakes", 400);
    static final Path OUT = Path.of("target", "bench");
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void firstPageWithinTwentySecondsAndIntakeUnderLoadWithHalfAGigabyteOfHeap() throws Exception {
        Path database = Files.createTempDirectory("onestop-startup");
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve("startup-node.log"));
        line("Start-up: java -Xmx512m, the embedded default (H2 file database, demo data), to the first 200 of /login");
        double empty;
        double again;
        Process process = start(database, "empty database");
        try {
            empty = awaitFirstPage(process, "empty database");
        } finally {
            stop(process);
        }
        process = start(database, "existing database");
        try {
            again = awaitFirstPage(process, "existing database");
            intakesUnderLoad(process);
            line("  heap: -Xmx512m; the GC log is target/bench/startup-node-gc.log, the node's log target/bench/startup-node.log");
        } finally {
            stop(process);
        }
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("startup.txt"), report);
        assertThat(empty).as("seconds to the first page, empty database").isLessThanOrEqualTo(FIRST_PAGE_WITHIN.toSeconds());
        assertThat(again).as("seconds to the first page, existing database").isLessThanOrEqualTo(FIRST_PAGE_WITHIN.toSeconds());
    }

    private int port;
    private long startedAt;

    private Process start(Path database, String what) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String classpath = "target/classes" + java.io.File.pathSeparator
                + Files.readString(OUT.resolve("runtime-classpath.txt")).trim();
        line("  load average before the start on the %s: %s", what, loadAverage());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xlog:gc:file=" + OUT.resolve("startup-node-gc.log"), "-cp", classpath,
                "org.onestop.OneStopApplication", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + database.resolve("onestop").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("startup-node.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("ONESTOP_") || name.startsWith("SPRING_"));
        startedAt = System.nanoTime();
        return builder.start();
    }

    private double awaitFirstPage(Process process, String what) throws Exception {
        long deadline = startedAt + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("OneStop is running (see target/bench/startup-node.log)").isTrue();
            try {
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(url("/login")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (login.statusCode() == 200) {
                    double seconds = (System.nanoTime() - startedAt) / 1e9;
                    line("  first page on the %s after %.1f s; load average %s", what, seconds, loadAverage());
                    awaitReady(deadline, what);
                    return seconds;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no first page within 120 s");
    }

    /** Readiness (start-up work done: administrator, demo data, search index), for the README beside the first page. */
    private void awaitReady(long deadline, String what) throws Exception {
        while (System.nanoTime() < deadline) {
            if (http.send(HttpRequest.newBuilder(url("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                line("  ready (/actuator/health/readiness UP) on the %s after %.1f s", what, (System.nanoTime() - startedAt) / 1e9);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 120 s");
    }

    private void intakesUnderLoad(Process process) throws Exception {
        String agent = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
        AtomicInteger created = new AtomicInteger();
        List<String> wrong = new ArrayList<>();
        long began = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            runs.add(clients.submit(() -> {
                for (int n = client; n < INTAKES; n += 4) {
                    byte[] body = JSON.writeValueAsBytes(ClosedCaseStorageBenchmark.potholeIntake("Startup Caller", 7000 + n % 40));
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url("/api/cases"))
                            .header("Authorization", agent).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 201) {
                        created.incrementAndGet();
                    } else {
                        synchronized (wrong) {
                            wrong.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(10, TimeUnit.MINUTES);
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - began) / 1e9;
        line("  under load: %d of %d intakes answered 201 in %.1f s (%.1f cases/s, 4 clients); load average %s",
                created.get(), INTAKES, seconds, created.get() / seconds, loadAverage());
        assertThat(wrong).as("answers other than 201").isEmpty();
        assertThat(process.isAlive()).as("still running after the load").isTrue();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a (" + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ")";
        }
    }
}
