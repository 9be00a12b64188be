package org.onestop.cases;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.onestop.standards.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, measures the time to resolve in business time of the cases resolved before it was recorded (V35), a
 * thousand per transaction, so that the KPIs' business-time average covers every resolved case. Idempotent: a case
 * measured already (at its resolution, or by another node) is left alone; with nothing to do it is one query.
 */
@Component
class BusinessTimeBackfill {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(BusinessTimeBackfill.class);

    private final EntityManager entities;
    private final TransactionTemplate transactions;
    private final BusinessCalendar calendar;

    BusinessTimeBackfill(EntityManager entities, TransactionTemplate transactions, BusinessCalendar calendar) {
        this.entities = entities;
        this.transactions = transactions;
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        long measured = run();
        if (measured > 0) {
            log.info("Measured the business time to resolve of {} cases resolved before it was recorded", measured);
        }
    }

    /** Measures every resolved case not measured yet; returns how many. */
    long run() {
        long total = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] batch = transactions.execute(tx -> {
                List<Object[]> rows = entities.createQuery("select r.id, r.createdAt, r.resolvedAt from ServiceRequest r "
                                + "where r.resolvedAt is not null and r.resolveBusinessSeconds is null and r.id > :after order by r.id",
                                Object[].class)
                        .setParameter("after", from).setMaxResults(BATCH).getResultList();
                for (Object[] r : rows) {
                    entities.createQuery("update ServiceRequest r set r.resolveBusinessSeconds = :seconds "
                                    + "where r.id = :id and r.resolveBusinessSeconds is null")
                            .setParameter("seconds", calendar.officeTimeBetween((Instant) r[1], (Instant) r[2]).toSeconds())
                            .setParameter("id", r[0]).executeUpdate();
                }
                return rows.isEmpty() ? null : new long[] {rows.size(), (Long) rows.get(rows.size() - 1)[0]};
            });
            if (batch == null) {
                return total;
            }
            total += batch[0];
            after = batch[1];
        }
    }
}
