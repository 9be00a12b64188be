package org.onestop.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.cases.CaseService;
import org.onestop.cases.ServiceRequest;
import org.onestop.shared.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follow-up survey: after a resolution the resident gets a one-use link (no login) to rate the service, say how
 * easy it was to get it done (optional), whether the problem is fixed and comment. "Not fixed" reopens the case while
 * the reopen window is open; the answers feed the KPIs ({@link #summary}, {@link #participation}).
 */
@Service
public class SurveyService {

    public static final int MAX_COMMENT = 2000;
    static final String NOT_FIXED_REASON = "Not fixed (survey)";
    static final String RESIDENT = "resident";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(SurveyService.class);

    private final Surveys surveys;
    private final SurveyRollup rollup;
    private final jakarta.persistence.EntityManager entities;
    private final CaseService cases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration validFor;

    SurveyService(Surveys surveys, SurveyRollup rollup, jakarta.persistence.EntityManager entities, CaseService cases,
                  TransactionTemplate transactions, Clock clock, SurveyProperties settings) {
        this.surveys = surveys;
        this.rollup = rollup;
        this.entities = entities;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
        this.validFor = settings.validFor();
    }

    /**
     * A new survey for the resolution of a case, in the caller's transaction (the "resolved" notice's); returns the
     * token for the link. Only its hash is stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(ServiceRequest resolved, Long customerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        surveys.save(new Survey(resolved.getId(), customerId, resolved.getServiceCode(), resolved.getDepartment(),
                hash(token), now, now.plus(validFor)));
        return token;
    }

    /** Where a survey link stands. */
    public enum State { OPEN, ANSWERED, EXPIRED, UNKNOWN }

    /** What the survey page shows: the case it asks about, and whether it can still be answered. */
    public record Link(State state, String reference, String serviceCode, String resolution, Instant expiresAt) {
    }

    @Transactional(readOnly = true)
    public Link find(String token) {
        return lookUp(token).map(this::link).orElse(new Link(State.UNKNOWN, null, null, null, null));
    }

    private Link link(Survey survey) {
        ServiceRequest sr = cases.byId(survey.getCaseId()).orElseThrow();
        State state = survey.getAnsweredAt() != null ? State.ANSWERED
                : !survey.getExpiresAt().isAfter(clock.instant()) ? State.EXPIRED : State.OPEN;
        return new Link(state, sr.getReference(), survey.getServiceCode(), sr.getResolution(), survey.getExpiresAt());
    }

    /** How the answer was taken: thanks; the case reopened; or not reopened (why), the resident should report again. */
    public record Outcome(State state, boolean reopened, String notReopenedBecause, boolean alreadyOpen, String reference) {
    }

    /**
     * Records an answer without the ease-of-effort question (left out): see {@link #answer(String, String, String, String, String)}.
     */
    public Outcome answer(String token, String rating, String fixed, String comment) {
        return answer(token, rating, null, fixed, comment);
    }

    /**
     * Records an answer: {@code rating} 1–5, {@code effort} (how easy it was to get this done) 1–5 or left out,
     * {@code fixed} yes/no, an optional comment. A bad value throws
     * {@link InvalidRequestException} with a message per field. "Not fixed" reopens the case in the same transaction;
     * if the case can no longer be reopened, the answer is recorded anyway and the outcome says why.
     * A link already used or expired gives that state and records nothing.
     */
    public Outcome answer(String token, String rating, String effort, String fixed, String comment) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer stars = null;
        if (rating == null || rating.isBlank()) {
            errors.put("rating", "Choose a rating from 1 to 5");
        } else if (!rating.trim().matches("[1-5]")) {
            errors.put("rating", "The rating must be a whole number from 1 to 5");
        } else {
            stars = Integer.parseInt(rating.trim());
        }
        Integer ease = null;
        if (effort != null && !effort.isBlank()) {
            if (!effort.trim().matches("[1-5]")) {
                errors.put("effort", "How easy it was must be a whole number from 1 to 5");
            } else {
                ease = Integer.parseInt(effort.trim());
            }
        }
        Boolean isFixed = null;
        if (fixed == null || fixed.isBlank()) {
            errors.put("fixed", "Tell us whether the problem is fixed");
        } else if (!fixed.trim().equals("yes") && !fixed.trim().equals("no")) {
            errors.put("fixed", "Answer yes or no");
        } else {
            isFixed = fixed.trim().equals("yes");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            errors.put("comment", "The comment must be at most " + MAX_COMMENT + " characters (it has " + text.length() + ")");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int stars1 = stars;
        Integer ease1 = ease;
        boolean fixed1 = isFixed;
        try {
            return transactions.execute(tx -> record(token, stars1, ease1, fixed1, text, true));
        } catch (ReopenRefused refused) {
            Outcome outcome = transactions.execute(tx -> record(token, stars1, ease1, fixed1, text, false));
            return outcome.state() == State.OPEN ? new Outcome(State.OPEN, false, refused.getMessage(), false, outcome.reference()) : outcome;
        }
    }

    private Outcome record(String token, int rating, Integer effort, boolean fixed, String comment, boolean reopen) {
        Survey survey = lookUp(token).orElse(null);
        if (survey == null) {
            return new Outcome(State.UNKNOWN, false, null, false, null);
        }
        Link link = link(survey);
        if (link.state() != State.OPEN || surveys.answer(survey.getId(), rating, effort, fixed, comment, clock.instant()) != 1) {
            return new Outcome(link.state() == State.OPEN ? State.ANSWERED : link.state(), false, null, false, link.reference());
        }
        if (fixed) {
            return new Outcome(State.OPEN, false, null, false, link.reference());
        }
        if (reopen && cases.get(link.reference()).getStatus().isOpen()) {
            surveys.reopened(survey.getId(), false);
            return new Outcome(State.OPEN, false, null, true, link.reference());
        }
        if (reopen) {
            try {
                cases.reopen(link.reference(), comment == null ? NOT_FIXED_REASON : comment, RESIDENT);
            } catch (InvalidRequestException e) {
                throw new ReopenRefused(String.join("; ", e.fieldErrors().values()));
            }
            log.info("Survey: {} not fixed, reopened", link.reference());
        }
        surveys.reopened(survey.getId(), reopen);
        return new Outcome(State.OPEN, reopen, null, false, link.reference());
    }

    /** The case could not be reopened (too late, or not resolved): the whole attempt rolls back and is recorded without. */
    private static final class ReopenRefused extends RuntimeException {
        ReopenRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** The survey answers about a case, newest last (for staff pages and tests). */
    @Transactional(readOnly = true)
    public List<Response> responses(Long caseId) {
        return surveys.findByCaseIdOrderByIdAsc(caseId).stream()
                .map(s -> new Response(s.getAnsweredAt(), s.getRating(), s.getFixed(), s.getComment(), s.getReopened(), s.getEffort()))
                .toList();
    }

    /** One answer; {@code effort}: how easy it was to get this done, 1–5, null when left out. */
    public record Response(Instant answeredAt, Integer rating, Boolean fixed, String comment, Boolean reopened, Integer effort) {
    }

    /** Per service or department: how many answered, the average rating (1–5) and the share fixed (%). */
    public record Figures(String key, long responses, double averageRating, double fixedPercent) {
    }

    public enum GroupBy { SERVICE, DEPARTMENT }

    /**
     * The survey answers given in [from, to) about the given departments' cases (the reader's, by the access policy),
     * grouped by service or department, and the totals over all of them.
     */
    @Transactional(readOnly = true)
    public Summary summary(Instant from, Instant to, GroupBy by, java.util.Set<String> departments) {
        if (departments.isEmpty()) {
            return new Summary(from, to, by, new Figures("all", 0, 0, 0), List.of());
        }
        List<Object[]> rows = by == GroupBy.SERVICE ? surveys.byService(from, to, departments)
                : surveys.byDepartment(from, to, departments);
        List<Figures> groups = rows.stream().map(r -> figures(r[0] == null ? "-" : r[0].toString(),
                ((Number) r[1]).longValue(), ((Number) r[2]).doubleValue(), ((Number) r[3]).longValue())).toList();
        long responses = groups.stream().mapToLong(Figures::responses).sum();
        double ratingSum = 0;
        long fixedCount = 0;
        for (Object[] r : rows) {
            ratingSum += ((Number) r[2]).doubleValue() * ((Number) r[1]).longValue();
            fixedCount += ((Number) r[3]).longValue();
        }
        Figures total = responses == 0 ? new Figures("all", 0, 0, 0) : figures("all", responses, ratingSum / responses, fixedCount);
        return new Summary(from, to, by, total, groups);
    }

    public record Summary(Instant from, Instant to, GroupBy by, Figures total, List<Figures> groups) {
    }

    /**
     * The surveys issued in [from, to) about the given departments' cases: how many, how many were answered (whenever),
     * the average rating (1–5) and how many said "fixed", per service or department and in total ({@code by} null:
     * the total only), of every department's cases when {@code departments} is null. The response rate and
     * satisfaction of the KPIs; and, of the answers, how many answered the ease-of-effort question, their average
     * (1–5) and how many found it easy (4 or 5): the ease of effort.
     */
    public record Participation(String key, long issued, long answered, double averageRating, long fixed,
                                long effortAnswers, double averageEffort, long easy) {

        /** Without ease-of-effort answers. */
        public Participation(String key, long issued, long answered, double averageRating, long fixed) {
            this(key, issued, answered, averageRating, fixed, 0, 0, 0);
        }
    }

    @Transactional(readOnly = true)
    public List<Participation> participation(Instant from, Instant to, GroupBy by, java.util.Set<String> departments) {
        if (departments != null && departments.isEmpty()) {
            return List.of();
        }
        // Per service and department from the rollup and the surveys; added up per service or per department here
        Map<String, long[]> sums = new java.util.TreeMap<>();
        long[] all = new long[7];
        for (Object[] r : participationRows(from, to, departments)) {
            Object key = by == GroupBy.DEPARTMENT ? r[1] : r[0];
            long[] v = sums.computeIfAbsent(key == null ? "-" : key.toString(), k -> new long[7]);
            for (int i = 0; i < 7; i++) {
                v[i] += count(r[2 + i]);
                all[i] += count(r[2 + i]);
            }
        }
        if (by == null) {
            return all[0] == 0 ? List.of() : List.of(participation("all", all));
        }
        return sums.entrySet().stream().map(e -> participation(e.getKey(), e.getValue())).toList();
    }

    /**
     * As {@link #participation} in total ({@code by} null), for each calendar month from {@code first} to {@code last}
     * (a month without surveys is left out): the scorecards' trends, the months from the rollup in one grouped query and
     * the days it lacks from the surveys a run of days at a time.
     */
    @Transactional(readOnly = true)
    public Map<java.time.YearMonth, Participation> participationByMonth(java.time.YearMonth first, java.time.YearMonth last,
                                                                         java.util.Set<String> departments) {
        Map<java.time.YearMonth, Participation> series = new java.util.TreeMap<>();
        if (departments != null && departments.isEmpty()) {
            return series;
        }
        java.time.ZoneId zone = rollup.zone();
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant asOf = rollup.asOf();
        java.util.SortedSet<java.time.LocalDate> changed = asOf == null ? null : rollup.changedDays(asOf.minus(SurveyRollup.MARGIN), from, to);
        if (changed == null || changed.size() > SurveyRollup.MAX_CHANGED_DAYS) {
            for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                java.time.YearMonth month = m;
                participation(m.atDay(1).atStartOfDay(zone).toInstant(), m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), null,
                        departments).forEach(p -> series.put(month, p));
            }
            return series;
        }
        Map<java.time.YearMonth, long[]> sums = new java.util.TreeMap<>();
        for (Object[] r : rollup.readMonths(first.atDay(1), last.plusMonths(1).atDay(1), changed, departments)) {
            long[] v = sums.computeIfAbsent(java.time.YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue()), k -> new long[7]);
            for (int i = 0; i < 7; i++) {
                v[i] += count(r[2 + i]);
            }
        }
        for (java.time.LocalDate day : changed) {
            long[] v = sums.computeIfAbsent(java.time.YearMonth.from(day), k -> new long[7]);
            for (Object[] r : exact(entities, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), departments)) {
                for (int i = 0; i < 7; i++) {
                    v[i] += count(r[2 + i]);
                }
            }
        }
        sums.forEach((m, v) -> {
            if (v[0] > 0) {
                series.put(m, participation("all", v));
            }
        });
        return series;
    }

    /** A group's participation from its sums: issued, answered, rating sum, fixed, effort answers, effort sum, easy. */
    private static Participation participation(String key, long[] v) {
        return new Participation(key, v[0], v[1], v[1] == 0 ? 0 : (double) v[2] / v[1], v[3], v[4], v[4] == 0 ? 0 : (double) v[5] / v[4], v[6]);
    }

    /**
     * The per-service-and-department sums of the surveys issued in [from, to): whole days in the city's time zone from
     * the rollup ({@code kpi_survey_day}) but for the days of surveys issued or answered since its last pass, counted
     * from the surveys, as any other period is.
     */
    private List<Object[]> participationRows(Instant from, Instant to, java.util.Set<String> departments) {
        java.time.ZoneId zone = rollup.zone();
        Instant asOf = rollup.asOf();
        java.time.LocalDate first = from.atZone(zone).toLocalDate();
        java.time.LocalDate last = to.atZone(zone).toLocalDate();
        boolean wholeDays = first.atStartOfDay(zone).toInstant().equals(from) && last.atStartOfDay(zone).toInstant().equals(to);
        java.util.SortedSet<java.time.LocalDate> changed = asOf == null || !wholeDays ? null
                : rollup.changedDays(asOf.minus(SurveyRollup.MARGIN), from, to);
        if (changed == null || changed.size() > SurveyRollup.MAX_CHANGED_DAYS) {
            return exact(entities, from, to, departments);
        }
        List<Object[]> rows = new java.util.ArrayList<>(rollup.read(first, last, changed, departments));
        for (java.time.LocalDate day : changed) {
            rows.addAll(exact(entities, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), departments));
        }
        return rows;
    }

    /**
     * The surveys issued in [from, to) of the departments given (null: all, also cases not routed), per service and
     * department: [service, department, issued, answered, sum of ratings, fixed, effort answers, sum of efforts, easy].
     */
    static List<Object[]> exact(jakarta.persistence.EntityManager entities, Instant from, Instant to, java.util.Collection<String> departments) {
        var query = entities.createQuery("select s.serviceCode, s.department, count(s), count(s.answeredAt), "
                        + "sum(s.rating), sum(case when s.fixed = true then 1 else 0 end), "
                        + "count(s.effort), sum(s.effort), sum(case when s.effort >= 4 then 1 else 0 end) from Survey s "
                        + "where s.createdAt >= :from and s.createdAt < :to"
                        + (departments == null ? "" : " and s.department in :departments")
                        + " group by s.serviceCode, s.department", Object[].class)
                .setParameter("from", from).setParameter("to", to);
        if (departments != null) {
            query.setParameter("departments", departments);
        }
        return query.getResultList();
    }

    /** Forgets the survey rollup: the figures come from the surveys until the next pass rebuilds it. */
    public void dropRollup() {
        rollup.drop();
    }

    /** Brings the survey rollup up to date now (what its job does every {@code onestop.kpis.rollup.every}); -1: another node is at it. */
    public int refreshRollup() {
        return rollup.catchUp();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Figures figures(String key, long responses, double average, long fixed) {
        return new Figures(key, responses, Math.round(average * 100) / 100.0,
                responses == 0 ? 0 : Math.round(fixed * 1000.0 / responses) / 10.0);
    }

    private Optional<Survey> lookUp(String token) {
        return token == null || !TOKEN.matcher(token).matches() ? Optional.empty() : surveys.findByTokenHash(hash(token));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
