package org.onestop.retention;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.onestop.city.CityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of residents' personal data (MFIPPA): a pass anonymises the cases that ended longer ago than
 * {@code personal-data-after} and the contact-log entries as old, then deletes the customers left with no case and no
 * recent contact, and the opt-out tokens as old. Batches of {@code batch-size}, each its own short transaction; one
 * node of a cluster at a time (a lease in the database). Times come from the application's {@link Clock}.
 */
@Service
public class Retention {

    /** How long the lease holds without news from the node that took it; renewed before every batch. */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What a pass did; {@code ran} is false when another node held the lease (or took it over mid-pass). */
    public record Report(boolean ran, int casesAnonymised, int contactsCleared, int customersDeleted, int optOutLinksExpired,
                         Duration took) {

        static Report skipped() {
            return new Report(false, 0, 0, 0, 0, Duration.ZERO);
        }
    }

    private final PersonalData data;
    private final RetentionLease lease;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RetentionProperties settings;
    private final ZoneId zone;
    private final String node;

    Retention(PersonalData data, RetentionLease lease, TransactionTemplate tx, Clock clock, RetentionProperties settings,
              CityProperties city) {
        this.data = data;
        this.lease = lease;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.zone = city.timeZone();
        this.node = nodeName();
    }

    /** Runs one pass now, unless another node is running one; for the nightly schedule, tests and administrators. */
    public Report runNow() {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        if (!lease.acquire(node, started, started.plus(LEASE))) {
            log.info("Retention pass skipped: another node is running it");
            return Report.skipped();
        }
        try {
            Instant personalCutoff = before(started, settings.personalDataAfter());
            Instant customersCutoff = before(started, settings.customersAfter());
            int cases = inBatches("cases", 0L, after -> data.casesDue(personalCutoff, after, settings.batchSize()),
                    ids -> data.anonymiseCases(ids, personalCutoff, clock.instant()));
            int contacts = inBatches("contacts", 0L, after -> data.contactsDue(personalCutoff, after, settings.batchSize()),
                    ids -> data.clearContacts(ids, personalCutoff, clock.instant()));
            int customers = inBatches("customers", 0L, after -> data.customersDue(customersCutoff, after, settings.batchSize()),
                    ids -> data.deleteCustomers(ids, customersCutoff));
            int tokens = inBatches("opt-out links", "", after -> data.tokensDue(personalCutoff, after, settings.batchSize()),
                    hashes -> data.deleteTokens(hashes, personalCutoff));
            Report report = new Report(true, cases, contacts, customers, tokens, Duration.ofNanos(System.nanoTime() - startedNanos));
            log.info("Retention pass: {} cases anonymised, {} contacts cleared, {} customers deleted, {} opt-out links expired,"
                    + " in {} ms", cases, contacts, customers, tokens, report.took().toMillis());
            return report;
        } catch (LeaseLost e) {
            log.warn("Retention pass stopped: this node lost its lease; the next pass goes on from there");
            return Report.skipped();
        } finally {
            lease.release(node);
        }
    }

    /** The nightly run ({@link NightlyRetention}): never lets a failure reach the scheduler. */
    void runScheduled() {
        try {
            runNow();
        } catch (RuntimeException e) {
            log.error("Retention pass failed; the next one starts again from the oldest rows: {}", e.toString());
        }
    }

    /**
     * Finds the due keys after the last one and applies one batch per transaction, until a batch comes back short.
     * A batch that fails is logged (its size and the error, never the data) and passed over, so that one bad row cannot
     * stop the pass; the next pass tries it again.
     */
    private <K> int inBatches(String what, K start, Function<K, List<K>> due, Function<List<K>, Integer> apply) {
        int total = 0;
        K after = start;
        while (true) {
            if (!lease.renew(node, clock.instant().plus(LEASE))) {
                throw new LeaseLost();
            }
            K from = after;
            List<K> keys = tx.execute(status -> due.apply(from));
            if (keys == null || keys.isEmpty()) {
                return total;
            }
            try {
                Integer done = tx.execute(status -> apply.apply(keys));
                total += done == null ? 0 : done;
            } catch (RuntimeException e) {
                log.warn("Retention: a batch of {} {} failed and is left for the next pass: {}", keys.size(), what, e.toString());
            }
            if (keys.size() < settings.batchSize()) {
                return total;
            }
            after = keys.get(keys.size() - 1);
        }
    }

    /** {@code period} before {@code now} in the city's calendar (a year is a calendar year there). */
    private Instant before(Instant now, Period period) {
        return now.atZone(zone).minus(period).toInstant();
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        } catch (Exception e) {
            return "node/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
