package org.onestop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "History ≤ 30 KB per closed case." Takes N pothole cases from intake to closed through the real interfaces: a
 * contact-centre agent opens each through {@code POST /api/cases}, the roads department finds, claims and completes
 * its three tasks through {@code /engine-rest} as Tasklist does. Measures what every table grew by, per case, with
 * {@link TableBytes} (the stored lengths of the rows' values and index entries; on MariaDB/MySQL also the database's
 * own data + index length), and fails if the engine's history tables ({@code ACT_HI_*}) grew by more than 30 KB a
 * case. Runs only with {@code ./mvnw -Pbench test -Dtest=ClosedCaseStorageBenchmark}
 * ({@code -Dbench.profiles=test,mysql} for MariaDB/MySQL); size: {@code -Dbench.cases} (default 200).
 */
class ClosedCaseStorageBenchmark extends IntegrationTest {

    static final int CASES = Integer.getInteger("bench.cases", 200);
    static final long LIMIT_BYTES = 30 * 1024;

    /** The roads department's three tasks, with what its staff enter in each form. */
    static final List<Map<String, Object>> COMPLETIONS = List.of(
            Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "40 cm wide, 10 cm deep, in the driving lane"),
            Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
            Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled with hot-mix asphalt."));

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${camunda.bpm.history-level}")
    String historyLevel;

    @Test
    void aClosedPotholeCaseLeavesAtMostThirtyKilobytesOfEngineHistory() throws Exception {
        String agent = user("bench-agent", "contact-centre");
        String roads = user("bench-roads", "roads");
        takeToClosed(agent, roads, 0); // the first case of a run warms caches and reads; it is not counted

        Map<String, TableBytes.Size> before = TableBytes.measure(dataSource);
        String loadBefore = TimerStormBenchmark.loadAverage();
        long t0 = System.nanoTime();
        for (int i = 1; i <= CASES; i++) {
            takeToClosed(agent, roads, i);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String loadAfter = TimerStormBenchmark.loadAverage();
        Map<String, TableBytes.Size> after = TableBytes.measure(dataSource);

        Map<String, TableBytes.Size> grown = new LinkedHashMap<>();
        after.forEach((table, size) -> {
            TableBytes.Size delta = size.minus(before.getOrDefault(table, new TableBytes.Size(0, 0, 0, 0)));
            if (delta.rows() != 0 || delta.bytes() != 0) {
                grown.put(table, delta);
            }
        });
        TableBytes.Size history = total(grown, t -> t.startsWith("ACT_HI_"));
        // Left by every case beside its history: the rights to read its tasks' history (enableHistoricInstancePermissions)
        // and the task metrics; history cleanup removes both (see "Engine history" in the README).
        Set<String> besideHistory = Set.of("ACT_RU_AUTHORIZATION", "ACT_RU_TASK_METER_LOG");
        TableBytes.Size alongside = total(grown, besideHistory::contains);
        TableBytes.Size running = total(grown, t -> t.startsWith("ACT_RU_") && !besideHistory.contains(t));
        TableBytes.Size byteArrays = total(grown, t -> t.startsWith("ACT_GE_"));
        TableBytes.Size own = total(grown, t -> !t.startsWith("ACT_"));

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Storage per closed case: %d pothole cases taken to closed in %.0f s on %s, history level %s",
                CASES, seconds, database(), historyLevel));
        lines.add(String.format(Locale.ROOT, "%-28s %10s %14s %14s %14s %14s", "table", "rows/case", "data B/case",
                "index B/case", "total B/case", "on disk B/case"));
        grown.forEach((table, delta) -> {
            if (table.startsWith("ACT_")) {
                lines.add(line(table, delta));
            }
        });
        lines.add(line("engine history (ACT_HI_*)", history));
        lines.add(line("history rights, task metrics", alongside));
        lines.add(line("still running (ACT_RU_*)", running));
        lines.add(line("engine byte arrays (ACT_GE_*)", byteArrays));
        lines.add(line("OneStop's own tables", own));
        lines.add("load average before: " + loadBefore + "; after: " + loadAfter);
        String report = String.join("\n", lines);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/closed-case-storage.txt"), report + "\n");

        assertThat(running.rows()).as("a closed case leaves nothing running").isLessThanOrEqualTo(0);
        assertThat(history.bytes() / CASES).as("engine history bytes per closed case").isLessThanOrEqualTo(LIMIT_BYTES);
    }

    /** Opens a pothole case as the agent and works its tasks as the department until it is closed. */
    private void takeToClosed(String agent, String roads, int n) {
        ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", potholeIntake("Storage Caller", 3000 + n % 20));
        assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) opened.getBody().get("reference");
        for (Map<String, Object> form : COMPLETIONS) {
            List<Map<String, Object>> tasks = as(roads).exchange("/engine-rest/task?processInstanceBusinessKey=" + reference
                    + "&maxResults=10", HttpMethod.GET, null, JSON_LIST).getBody();
            assertThat(tasks).hasSize(1);
            String task = (String) tasks.get(0).get("id");
            assertThat(postJson(as(roads), "/engine-rest/task/" + task + "/claim", Map.of("userId", roads)).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            Map<String, Object> variables = new HashMap<>();
            form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
            assertThat(postJson(as(roads), "/engine-rest/task/" + task + "/complete", Map.of("variables", variables))
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM service_request WHERE reference = ?", String.class, reference))
                .isEqualTo("CLOSED");
    }

    /** A pothole in the driving lane reported by phone, by one of a few callers (found again after their first call). */
    static Map<String, Object> potholeIntake(String callers, int caller) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("description", "Deep pothole in the right lane, cars swerve around it");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"));
        request.put("customer", Map.of("name", callers + " " + caller, "phone", String.format("905-555-%04d", caller)));
        return request;
    }

    private static TableBytes.Size total(Map<String, TableBytes.Size> grown, Predicate<String> tables) {
        long rows = 0;
        long data = 0;
        long index = 0;
        long disk = 0;
        for (Map.Entry<String, TableBytes.Size> e : grown.entrySet()) {
            if (tables.test(e.getKey())) {
                rows += e.getValue().rows();
                data += e.getValue().dataBytes();
                index += e.getValue().indexBytes();
                disk = disk < 0 || e.getValue().onDisk() < 0 ? -1 : disk + e.getValue().onDisk();
            }
        }
        return new TableBytes.Size(rows, data, index, disk);
    }

    private static String line(String name, TableBytes.Size delta) {
        return String.format(Locale.ROOT, "%-28s %10.1f %14.0f %14.0f %14.0f %14s", name, (double) delta.rows() / CASES,
                (double) delta.dataBytes() / CASES, (double) delta.indexBytes() / CASES, (double) delta.bytes() / CASES,
                delta.onDisk() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", (double) delta.onDisk() / CASES));
    }

    private String database() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
    }
}
