package org.onestop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.access.CaseAccessPolicy.KpiReach;
import org.onestop.cases.CaseFigures;
import org.onestop.customers.ContactFigures;
import org.onestop.kpis.Kpis;
import org.onestop.standards.BusinessCalendar;
import org.onestop.survey.SurveyService;
import org.onestop.testing.FormSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "At 1,000,000 cases and 3,000,000 contacts every {@code /api/kpis} call answers with p95 ≤ 300 ms." Seeds the real
 * schema with plain JDBC batches (not through intake): cases spread over the 13 months before the suite's day, over the
 * services, their departments, 15 wards and the channels, in every status, with acknowledgements, resolutions (and their
 * business time), transfers, reopenings and surveys; contacts over the same months and channels with a long-tailed
 * handle time (a database that holds them already, from an earlier run on MariaDB, is measured as it is). Then runs
 * the rollups' first pass ({@code kpi_case_day}, {@code kpi_contact_day}) and times {@code GET /api/kpis} as a manager
 * over HTTP (the whole answer, JSON) for a month and for 12 months, overall and with each {@code by=}, and the three
 * scorecards (corporate as a manager, Roads' as its supervisor, the contact centre's as an agent), then {@code /api/kpis}
 * without the rollups (every figure from the cases and the log; the answers must be the same), and prints p50/p95
 * with the load average beside each figure. Runs only with {@code ./mvnw -Pbench test -Dtest=KpiBenchmark} (add
 * {@code -Dbench.profiles=test,mysql} for MariaDB/MySQL); sizes: {@code -Dbench.kpiCases}, {@code -Dbench.kpiContacts},
 * {@code -Dbench.kpiRuns} (default 20), {@code -Dbench.kpiRawRuns} (without the rollups, default 3; 0: not at all).
 */
class KpiBenchmark extends IntegrationTest {

    static final int CASES = Integer.getInteger("bench.kpiCases", 1_000_000);
    static final int CONTACTS = Integer.getInteger("bench.kpiContacts", 3_000_000);
    static final int RUNS = Integer.getInteger("bench.kpiRuns", 20);
    static final int RAW_RUNS = Integer.getInteger("bench.kpiRawRuns", 3);
    static final long P95_LIMIT_MS = 300;
    static final int BATCH = 5_000;
    static final ZoneId ZONE = ZoneId.of("America/Toronto");

    static final String[] SERVICES = CustomerSearchBenchmark.SERVICES;
    static final String[] DEPARTMENTS = CustomerSearchBenchmark.DEPARTMENTS;
    /** How often each service is asked for, relative (potholes and missed collections lead). */
    static final int[] SERVICE_WEIGHTS = {14, 16, 8, 6, 5, 7, 3, 6, 5, 4, 4, 3, 4, 2, 9, 2, 1, 1};
    static final String[] CHANNELS = {"PHONE", "WEB", "APP", "EMAIL", "WALK_IN", "COUNCIL"};
    static final int[] CHANNEL_WEIGHTS = {45, 25, 15, 8, 5, 2};
    static final String[] CONTACT_CHANNELS = {"phone", "email", "walk-in", "web", "app", "council"};
    static final int[] CONTACT_CHANNEL_WEIGHTS = {60, 15, 10, 8, 5, 2};
    static final String[] OPEN = {"SUBMITTED", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING_FOR_CUSTOMER"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    CaseFigures caseFigures;
    @Autowired
    ContactFigures contactFigures;
    @Autowired
    SurveyService surveys;
    @Autowired
    Kpis kpis;

    @Test
    void kpisAnswerWithinThreeHundredMillisecondsAtTheNinetyFifthPercentile() throws IOException {
        String loadBeforeSeed = TimerStormBenchmark.loadAverage();
        // A database seeded by an earlier run (MariaDB keeps it) is measured again as it is.
        boolean seeded = jdbc.queryForObject("SELECT COUNT(*) FROM service_request", Long.class) >= CASES
                && jdbc.queryForObject("SELECT COUNT(*) FROM contact", Long.class) >= CONTACTS;
        long t0 = System.nanoTime();
        if (!seeded) {
            seedCases();
        }
        long caseSeconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        long t1 = System.nanoTime();
        if (!seeded) {
            seedContacts();
        }
        long contactSeconds = Duration.ofNanos(System.nanoTime() - t1).toSeconds();
        long cases = jdbc.queryForObject("SELECT COUNT(*) FROM service_request", Long.class);
        long contacts = jdbc.queryForObject("SELECT COUNT(*) FROM contact", Long.class);
        assertThat(cases).isGreaterThanOrEqualTo(CASES);
        assertThat(contacts).isGreaterThanOrEqualTo(CONTACTS);

        String manager = user("bench-manager", "managers");
        LocalDate today = OFFICE_HOURS.atZone(ZONE).toLocalDate();
        LocalDate monthStart = today.withDayOfMonth(1).minusMonths(1);
        LocalDate monthEnd = today.withDayOfMonth(1);
        LocalDate yearStart = monthEnd.minusMonths(12);
        Map<String, String> queries = new LinkedHashMap<>();
        for (String by : new String[] {null, "department", "service", "ward", "channel"}) {
            String suffix = by == null ? "" : "&by=" + by;
            queries.put("1 month" + (by == null ? "" : ", by=" + by), "from=" + monthStart + "&to=" + monthEnd + suffix);
        }
        for (String by : new String[] {null, "department", "service", "ward", "channel"}) {
            String suffix = by == null ? "" : "&by=" + by;
            queries.put("12 months" + (by == null ? "" : ", by=" + by), "from=" + yearStart + "&to=" + monthEnd + suffix);
        }
        // The scorecards, each as a user entitled to it (logged in through the form, as a person is), for the last whole
        // month and the last 12 whole months (each with its 13-month trend).
        Map<String, Object[]> pages = new LinkedHashMap<>();
        FormSession managerSession = session(manager);
        FormSession supervisorSession = session(user("bench-roads-supervisor", "roads-supervisors"));
        FormSession agentSession = session(user("bench-agent", "contact-centre"));
        java.time.YearMonth lastMonth = java.time.YearMonth.from(monthStart);
        for (int months : new int[] {1, 12}) {
            String period = "?from=" + lastMonth.minusMonths(months - 1L) + "&to=" + lastMonth;
            String label = months == 1 ? "1 month" : "12 months";
            pages.put("corporate, " + label, new Object[] {managerSession, "/scorecards/corporate" + period});
            pages.put("departments/roads, " + label, new Object[] {supervisorSession, "/scorecards/departments/roads" + period});
            pages.put("contact-centre, " + label, new Object[] {agentSession, "/scorecards/contact-centre" + period});
        }

        List<String> report = new ArrayList<>();
        report.add(String.format("OneStop KPI benchmark: %,d cases (seeded in %d s), %,d contacts (seeded in %d s), database %s",
                cases, caseSeconds, contacts, contactSeconds, jdbc.execute((java.sql.Connection c) ->
                        c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion())));
        report.add("load average before seeding: " + loadBeforeSeed + "; after: " + TimerStormBenchmark.loadAverage());

        // The rollups' first pass (what the job does by itself every onestop.kpis.rollup.every on a running node).
        // (A database seeded and rolled up by an earlier run keeps its rollups: the pass rebuilds only what changed.)
        if (!seeded) {
            caseFigures.dropRollup();
            contactFigures.dropRollup();
            surveys.dropRollup();
        }
        long t2 = System.nanoTime();
        int caseDays = caseFigures.refreshRollup();
        int contactDays = contactFigures.refreshRollup();
        int surveyDays = surveys.refreshRollup();
        long rollupSeconds = Duration.ofNanos(System.nanoTime() - t2).toSeconds();
        report.add(String.format("rollups' first pass: %d days of cases, %d of contacts and %d of surveys in %d s (kpi_case_day %,d rows,"
                        + " kpi_case_due %,d, kpi_contact_day %,d, kpi_contact_month %,d, kpi_survey_day %,d); load average %s",
                caseDays, contactDays, surveyDays, rollupSeconds, rows("kpi_case_day"), rows("kpi_case_due"), rows("kpi_contact_day"),
                rows("kpi_contact_month"), rows("kpi_survey_day"), TimerStormBenchmark.loadAverage()));
        Map<String, Map<String, Object>> fromTheRollups = new LinkedHashMap<>();
        Map<String, Long> p95s = time(report, "with the rollups, " + RUNS + " runs each", manager, queries, RUNS, fromTheRollups);
        p95s.putAll(timePages(report, "the scorecards with the rollups, " + RUNS + " runs each", pages, RUNS));
        timeTrend(report, lastMonth);
        write(report);

        // Without the rollups: every figure counted from the cases and the contact log (as before they existed);
        // -Dbench.kpiRawRuns=0 leaves this out (at a million cases a 12-month answer takes many seconds this way).
        if (RAW_RUNS == 0) {
            p95s.forEach((query, p95) -> assertThat(p95).as(query + " p95 in ms").isLessThanOrEqualTo(P95_LIMIT_MS));
            return;
        }
        caseFigures.dropRollup();
        contactFigures.dropRollup();
        surveys.dropRollup();
        Map<String, Map<String, Object>> fromTheCases = new LinkedHashMap<>();
        time(report, "without the rollups (from the cases and the log), " + RAW_RUNS + " runs each", manager, queries, RAW_RUNS, fromTheCases);
        fromTheRollups.forEach((query, answer) -> assertThat(answer).as(query + ": the same answer with and without the rollups")
                .isEqualTo(fromTheCases.get(query)));

        write(report);
        p95s.forEach((query, p95) -> assertThat(p95).as(query + " p95 in ms").isLessThanOrEqualTo(P95_LIMIT_MS));
    }

    /**
     * The scorecards' 13-month trend on its own, in one run: all months together ({@link Kpis#monthly}, what the
     * scorecards use) against one month after the other as a period is counted ({@link Kpis#monthByMonth}, what they
     * used before); the same values, and the ratio of their medians.
     */
    private void timeTrend(List<String> report, java.time.YearMonth last) {
        report.add("the 13-month trend (corporate reach), " + RUNS + " runs each:");
        KpiReach everything = new KpiReach(null, true, true);
        assertThat(kpis.monthly(last, 13, everything)).isEqualTo(kpis.monthByMonth(last, 13, everything));
        long[] together = new long[RUNS];
        long[] oneByOne = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            kpis.monthly(last, 13, everything);
            together[i] = System.nanoTime() - start;
            start = System.nanoTime();
            kpis.monthByMonth(last, 13, everything);
            oneByOne[i] = System.nanoTime() - start;
        }
        Arrays.sort(together);
        Arrays.sort(oneByOne);
        int p95 = Math.min(RUNS - 1, (int) Math.ceil(0.95 * RUNS) - 1);
        report.add(String.format("all months together: p50 %.1f ms, p95 %.1f ms; month by month: p50 %.1f ms, p95 %.1f ms;"
                        + " ratio of medians %.1f; load average %s", together[(RUNS - 1) / 2] / 1e6, together[p95] / 1e6,
                oneByOne[(RUNS - 1) / 2] / 1e6, oneByOne[p95] / 1e6, (double) oneByOne[(RUNS - 1) / 2] / together[(RUNS - 1) / 2],
                TimerStormBenchmark.loadAverage()));
        System.out.println(report.get(report.size() - 1));
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private FormSession session(String user) {
        try {
            return FormSession.loggedIn(http.getRootUri(), user, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Times each page {@code runs} times after a warm-up (the whole page, HTML); adds a table to the report; returns the p95s in ms. */
    private Map<String, Long> timePages(List<String> report, String title, Map<String, Object[]> pages, int runs) {
        report.add(title + ":");
        report.add(String.format("%-28s %9s %9s %9s  %s", "GET /scorecards/…", "p50 ms", "p95 ms", "max ms", "load average after"));
        Map<String, Long> p95s = new LinkedHashMap<>();
        for (Map.Entry<String, Object[]> page : pages.entrySet()) {
            FormSession session = (FormSession) page.getValue()[0];
            String path = (String) page.getValue()[1];
            get(session, path); // warm-up
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                get(session, path);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            long p95 = nanos[Math.min(runs - 1, (int) Math.ceil(0.95 * runs) - 1)];
            report.add(String.format("%-28s %9.1f %9.1f %9.1f  %s", page.getKey(), nanos[(runs - 1) / 2] / 1e6, p95 / 1e6,
                    nanos[runs - 1] / 1e6, TimerStormBenchmark.loadAverage()));
            p95s.put("scorecard " + page.getKey(), Math.round(p95 / 1e6));
            System.out.println(report.get(report.size() - 1));
        }
        return p95s;
    }

    private static void get(FormSession session, String path) {
        try {
            java.net.http.HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static void write(List<String> report) throws IOException {
        String text = String.join("\n", report);
        System.out.println(text);
        Path out = Path.of("target", "bench", "kpis.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + "\n");
    }

    /** Times each query {@code runs} times after a warm-up; adds a table to the report, keeps each answer; returns the p95s in ms. */
    private Map<String, Long> time(List<String> report, String title, String manager, Map<String, String> queries, int runs,
                                   Map<String, Map<String, Object>> answers) {
        report.add(title + ":");
        report.add(String.format("%-28s %9s %9s %9s  %s", "GET /api/kpis", "p50 ms", "p95 ms", "max ms", "load average after"));
        Map<String, Long> p95s = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            answers.put(q.getKey(), call(manager, q.getValue())); // warm-up
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                Map<String, Object> answer = call(manager, q.getValue());
                nanos[i] = System.nanoTime() - start;
                assertThat(((Number) ((Map<?, ?>) answer.get("overall")).get("requests")).longValue()).as(q.getKey()).isPositive();
            }
            Arrays.sort(nanos);
            long p95 = nanos[Math.min(runs - 1, (int) Math.ceil(0.95 * runs) - 1)];
            report.add(String.format("%-28s %9.1f %9.1f %9.1f  %s", q.getKey(), nanos[(runs - 1) / 2] / 1e6, p95 / 1e6,
                    nanos[runs - 1] / 1e6, TimerStormBenchmark.loadAverage()));
            p95s.put(q.getKey(), Math.round(p95 / 1e6));
            System.out.println(report.get(report.size() - 1));
        }
        return p95s;
    }

    private Map<String, Object> call(String user, String query) {
        ResponseEntity<Map<String, Object>> response = getJson(as(user), "/api/kpis?" + query);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static int pick(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A moment in the 13 months before the suite's day, weekdays and office hours more likely than nights and weekends. */
    static Instant when(Random random, Instant now) {
        long span = Duration.ofDays(396).toSeconds();
        while (true) {
            Instant at = now.minusSeconds((long) (random.nextDouble() * span));
            ZonedDateTime local = at.atZone(ZONE);
            boolean weekend = local.getDayOfWeek().getValue() >= 6;
            boolean office = local.getHour() >= 8 && local.getHour() < 17;
            double keep = (weekend ? 0.35 : 1.0) * (office ? 1.0 : 0.25);
            if (random.nextDouble() < keep) {
                return at;
            }
        }
    }

    /** A long-tailed duration around {@code median} (log-normal). */
    static Duration around(Random random, Duration median, double spread) {
        return Duration.ofSeconds(Math.max(60, (long) (median.toSeconds() * Math.exp(random.nextGaussian() * spread))));
    }

    private void seedCases() {
        long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM service_request", Long.class) + 1_000;
        Instant now = OFFICE_HOURS;
        Random random = new Random(12);
        List<Object[]> rows = new ArrayList<>(BATCH);
        List<Object[]> reopenings = new ArrayList<>();
        List<Object[]> surveys = new ArrayList<>();
        for (int k = 0; k < CASES; k++) {
            long id = firstId + k;
            int s = pick(random, SERVICE_WEIGHTS);
            Instant created = when(random, now);
            boolean urgent = random.nextInt(10) == 0;
            Instant ackBy = created.plus(urgent ? Duration.ofHours(2) : Duration.ofDays(2));
            Instant resolveBy = created.plus(urgent ? Duration.ofDays(1) : Duration.ofDays(5 + random.nextInt(10)));
            Instant acknowledged = created.plus(around(random, Duration.ofHours(urgent ? 1 : 10), 1.0));
            Instant resolved = acknowledged.plus(around(random, Duration.ofDays(urgent ? 1 : 4), 0.9));
            if (resolved.isAfter(now)) {
                resolved = null; // not resolved yet, whatever its status comes out as
            }
            String status;
            int roll = random.nextInt(100);
            if (roll < 3) {
                status = "CANCELLED";
                resolved = null;
            } else if (roll < 5 && resolved != null) {
                status = "DUPLICATE";
            } else if (roll < 7 && resolved != null) {
                status = "REFERRED";
            } else if (roll < 9 || resolved == null) {
                status = OPEN[random.nextInt(OPEN.length)];
                resolved = null;
            } else {
                status = resolved.plus(Duration.ofDays(3)).isAfter(now) ? "RESOLVED" : "CLOSED";
            }
            if (acknowledged.isAfter(now) || status.equals("SUBMITTED") || (resolved == null && status.equals("CANCELLED") && roll == 0)) {
                acknowledged = null;
            }
            Instant closed = resolved == null ? (status.equals("CANCELLED") ? created.plus(Duration.ofHours(3)) : null)
                    : status.equals("RESOLVED") ? null : resolved.plus(Duration.ofDays(3)).isAfter(now) ? resolved : resolved.plus(Duration.ofDays(3));
            int transfers = random.nextInt(100) < 8 ? 1 + (random.nextInt(10) == 0 ? 1 : 0) : 0;
            Long business = resolved == null ? null : calendar.officeTimeBetween(created, resolved).toSeconds();
            rows.add(new Object[] {id, String.format("BK-%010d", id), SERVICES[s], CHANNELS[pick(random, CHANNEL_WEIGHTS)],
                    "Benchmark case " + k, (1 + random.nextInt(400)) + " King St E",
                    random.nextInt(20) == 0 ? null : "Ward " + (1 + random.nextInt(15)), status, urgent ? "urgent" : "normal",
                    DEPARTMENTS[s], Timestamp.from(ackBy), Timestamp.from(resolveBy), "business", transfers, "bench",
                    Timestamp.from(created), ts(acknowledged), ts(resolved), ts(closed),
                    Timestamp.from(closed != null ? closed : resolved != null ? resolved : created), business});
            if (resolved != null && random.nextInt(50) == 0) {
                reopenings.add(new Object[] {id, Timestamp.from(resolved.plus(Duration.ofHours(30)).isAfter(now) ? resolved : resolved.plus(Duration.ofHours(30))),
                        "REOPENED", "PUBLIC", "resident", "SUBMITTED", "Not fixed (survey)"});
            }
            if (resolved != null && random.nextInt(10) < 3) {
                boolean answered = random.nextInt(10) < 4;
                surveys.add(new Object[] {id, SERVICES[s], DEPARTMENTS[s], String.format("%064x", id), Timestamp.from(resolved),
                        Timestamp.from(resolved.plus(Duration.ofDays(30))), answered ? Timestamp.from(resolved.plus(Duration.ofHours(20))) : null,
                        answered ? 1 + random.nextInt(5) : null, answered && random.nextInt(4) > 0 ? 2 + random.nextInt(4) : null,
                        answered ? random.nextInt(10) < 8 : null});
            }
            if (rows.size() == BATCH || k == CASES - 1) {
                jdbc.batchUpdate("INSERT INTO service_request (id, reference, service_code, channel, description, address, ward,"
                        + " status, priority, department, acknowledge_by, resolve_by, standard_clock, transfers, created_by, created_at,"
                        + " acknowledged_at, resolved_at, closed_at, updated_at, resolve_business_seconds)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
                jdbc.batchUpdate("INSERT INTO case_event (case_id, occurred_at, type, visibility, actor, status, message)"
                        + " VALUES (?,?,?,?,?,?,?)", reopenings);
                jdbc.batchUpdate("INSERT INTO survey (case_id, service_code, department, token_hash, created_at, expires_at,"
                        + " answered_at, rating, effort, fixed) VALUES (?,?,?,?,?,?,?,?,?,?)", surveys);
                rows.clear();
                reopenings.clear();
                surveys.clear();
            }
        }
    }

    private void seedContacts() {
        Instant now = OFFICE_HOURS;
        Random random = new Random(34);
        List<Object[]> rows = new ArrayList<>(BATCH);
        String[] outcomes = {"ANSWERED", "CASE_OPENED", "STATUS_GIVEN", "CASE_UPDATED", "REFERRED_ELSEWHERE", "ADDED_TO_CASE", "OTHER"};
        int[] outcomeWeights = {40, 30, 12, 6, 6, 3, 3};
        // Logged in the order they ended, as the contact centre logs them (ids grow with time).
        long[] ends = new long[CONTACTS];
        for (int k = 0; k < CONTACTS; k++) {
            ends[k] = when(random, now).toEpochMilli();
        }
        Arrays.sort(ends);
        for (int k = 0; k < CONTACTS; k++) {
            String channel = CONTACT_CHANNELS[pick(random, CONTACT_CHANNEL_WEIGHTS)];
            int o = pick(random, outcomeWeights);
            int seconds = (int) Math.min(3600, around(random, Duration.ofSeconds(channel.equals("walk-in") ? 420 : 240), 0.6).toSeconds());
            Instant ended = Instant.ofEpochMilli(ends[k]);
            rows.add(new Object[] {channel, "Benchmark contact", SERVICES[pick(random, SERVICE_WEIGHTS)], outcomes[o],
                    outcomes[o].equals("ANSWERED") || outcomes[o].equals("REFERRED_ELSEWHERE"), "bench-agent-" + random.nextInt(40),
                    Timestamp.from(ended.minusSeconds(seconds)), Timestamp.from(ended), seconds});
            if (rows.size() == BATCH || k == CONTACTS - 1) {
                jdbc.batchUpdate("INSERT INTO contact (channel, topic, service_code, outcome, first_contact_resolution, agent,"
                        + " started_at, ended_at, handle_seconds) VALUES (?,?,?,?,?,?,?,?,?)", rows);
                rows.clear();
            }
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
