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
    private final CaseService cases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration validFor;

    SurveyService(Surveys surveys, CaseService cases, TransactionTemplate transactions, Clock clock,
                  SurveyProperties settings) {
        this.surveys = surveys;
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
        List<Object[]> rows = departments == null ? surveys.participationOfAll(from, to) : surveys.participation(from, to, departments);
        // Per service and department from the database; added up per service or per department here (sums, and
        // averages weighted by their counts).
        Map<String, double[]> sums = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            Object key = by == GroupBy.DEPARTMENT ? r[1] : r[0];
            double[] v = sums.computeIfAbsent(key == null ? "-" : key.toString(), k -> new double[7]);
            long answered = count(r[3]);
            long effortAnswers = count(r[6]);
            v[0] += count(r[2]);
            v[1] += answered;
            v[2] += number(r[4]) * answered;
            v[3] += count(r[5]);
            v[4] += effortAnswers;
            v[5] += number(r[7]) * effortAnswers;
            v[6] += count(r[8]);
        }
        List<Participation> groups = sums.entrySet().stream().map(e -> {
            double[] v = e.getValue();
            return new Participation(e.getKey(), (long) v[0], (long) v[1], v[1] == 0 ? 0 : v[2] / v[1], (long) v[3],
                    (long) v[4], v[4] == 0 ? 0 : v[5] / v[4], (long) v[6]);
        }).toList();
        if (by != null) {
            return groups;
        }
        long issued = groups.stream().mapToLong(Participation::issued).sum();
        long answered = groups.stream().mapToLong(Participation::answered).sum();
        double ratingSum = groups.stream().mapToDouble(g -> g.averageRating() * g.answered()).sum();
        long effortAnswers = groups.stream().mapToLong(Participation::effortAnswers).sum();
        double effortSum = groups.stream().mapToDouble(g -> g.averageEffort() * g.effortAnswers()).sum();
        return issued == 0 ? List.of() : List.of(new Participation("all", issued, answered,
                answered == 0 ? 0 : ratingSum / answered, groups.stream().mapToLong(Participation::fixed).sum(),
                effortAnswers, effortAnswers == 0 ? 0 : effortSum / effortAnswers, groups.stream().mapToLong(Participation::easy).sum()));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
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
