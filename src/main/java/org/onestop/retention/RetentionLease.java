package org.onestop.retention;

import java.time.Instant;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster-wide lease of the retention pass: one row of {@code retention_lock}, taken with a conditional UPDATE
 * (one row updated means this node holds it), so that when every node's scheduler fires at once only one works.
 * Through the entity manager so that times are bound exactly as the entities' are (UTC).
 */
@Component
class RetentionLease {

    static final String NAME = "retention";
    private static final Instant FREE = Instant.EPOCH;

    private final EntityManager em;
    private final TransactionTemplate tx;

    RetentionLease(EntityManager em, TransactionTemplate tx) {
        this.em = em;
        this.tx = tx;
    }

    /** Takes the lease until {@code until} if no node holds it at {@code now}. */
    boolean acquire(String node, Instant now, Instant until) {
        return update("UPDATE retention_lock SET locked_until = :until, locked_by = :node WHERE name = :name AND locked_until < :now",
                node, until, now) == 1;
    }

    /** Keeps the lease until {@code until}; false when this node no longer holds it (it expired and another took it). */
    boolean renew(String node, Instant until) {
        return update("UPDATE retention_lock SET locked_until = :until WHERE name = :name AND locked_by = :node", node, until, null) == 1;
    }

    void release(String node) {
        update("UPDATE retention_lock SET locked_until = :until, locked_by = NULL WHERE name = :name AND locked_by = :node", node, FREE, null);
    }

    private int update(String sql, String node, Instant until, Instant now) {
        Integer updated = tx.execute(status -> {
            var query = em.createNativeQuery(sql).setParameter("until", until).setParameter("node", node).setParameter("name", NAME);
            if (now != null) {
                query.setParameter("now", now);
            }
            return query.executeUpdate();
        });
        return updated == null ? 0 : updated;
    }
}
