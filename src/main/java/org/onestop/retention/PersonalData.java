package org.onestop.retention;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.onestop.cases.CaseStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention pass's statements: which rows are due, and what anonymising or deleting them means, table by table.
 * Bulk statements over a batch of ids; each {@code apply} method checks the rows are still due, so a batch that runs
 * twice, or on two nodes, changes nothing the second time. Native SQL (portable between H2 and MariaDB) through the
 * entity manager, so that times are bound exactly as the entities write them.
 */
@Component
class PersonalData {

    /** What replaces a free text that may name someone where the column must keep a value. */
    static final String REMOVED = "(removed after the retention period)";

    /** Cases that ended: closed, cancelled, closed as a duplicate, referred elsewhere (not "resolved": it may reopen). */
    static final List<String> ENDED = Arrays.stream(CaseStatus.values())
            .filter(s -> !s.isOpen() && s != CaseStatus.RESOLVED).map(Enum::name).toList();

    private static final String CASE_DUE = "anonymised_at IS NULL AND status IN (:ended)"
            + " AND (closed_at < :cutoff OR (closed_at IS NULL AND updated_at < :cutoff))";

    private static final String CUSTOMER_DUE = "c.updated_at < :cutoff"
            + " AND NOT EXISTS (SELECT 1 FROM service_request r WHERE r.customer_id = c.id)"
            + " AND NOT EXISTS (SELECT 1 FROM case_reporter p WHERE p.customer_id = c.id)"
            + " AND NOT EXISTS (SELECT 1 FROM contact k WHERE k.customer_id = c.id AND k.started_at >= :cutoff)";

    private final EntityManager em;

    PersonalData(EntityManager em) {
        this.em = em;
    }

    // ------------------------------------------------------------------ cases

    /** Ended cases closed before the cutoff and not anonymised yet, by id after {@code after}. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> casesDue(Instant cutoff, long after, int limit) {
        return ids(em.createNativeQuery("SELECT id FROM service_request WHERE " + CASE_DUE + " AND id > :after ORDER BY id")
                .setParameter("ended", ENDED).setParameter("cutoff", cutoff).setParameter("after", after).setMaxResults(limit));
    }

    /**
     * Removes the personal data of these cases and everything hanging off them, keeping what the figures need
     * (service, ward, channel, status, priority, department, dates and due dates, transfers, escalation; timeline
     * entries without their text; notices without recipient and text; survey ratings without comment).
     *
     * @return how many cases were anonymised
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int anonymiseCases(List<Long> batch, Instant cutoff, Instant now) {
        List<Long> ids = ids(em.createNativeQuery("SELECT id FROM service_request WHERE " + CASE_DUE + " AND id IN (:ids)")
                .setParameter("ended", ENDED).setParameter("cutoff", cutoff).setParameter("ids", batch));
        if (ids.isEmpty()) {
            return 0;
        }
        update("DELETE FROM case_reporter WHERE case_id IN (:ids)", ids);
        update("DELETE FROM case_photo WHERE case_id IN (:ids)", ids);
        // Contact details given with the case and still waiting for an agent to confirm them.
        update("DELETE FROM customer_detail_to_confirm WHERE case_reference IN"
                + " (SELECT reference FROM service_request WHERE id IN (:ids))", ids);
        em.createNativeQuery("UPDATE case_event SET message = :removed WHERE case_id IN (:ids) AND message IS NOT NULL")
                .setParameter("removed", REMOVED).setParameter("ids", ids).executeUpdate();
        // The recipient stays unique per notice (two unique keys hold it); a notice still waiting will never go out.
        em.createNativeQuery("UPDATE notification SET recipient = CONCAT('(removed) ', id), subject = :removed, body = :removed,"
                        + " last_error = NULL, status = CASE WHEN status = 'SENT' THEN status ELSE 'FAILED' END WHERE case_id IN (:ids)")
                .setParameter("removed", REMOVED).setParameter("ids", ids).executeUpdate();
        update("UPDATE survey SET comment = NULL, customer_id = NULL WHERE case_id IN (:ids)", ids);
        update("UPDATE open311_request SET media_url = NULL, address_id = NULL, device_id = NULL, account_id = NULL"
                + " WHERE case_id IN (:ids)", ids);
        // The ward stays; the address and the point could lead to a person's home.
        return em.createNativeQuery("UPDATE service_request SET customer_id = NULL, description = NULL, answers = NULL,"
                        + " address = NULL, latitude = NULL, longitude = NULL, resolution = NULL, anonymised_at = :now,"
                        + " version = version + 1 WHERE id IN (:ids) AND anonymised_at IS NULL")
                .setParameter("now", now).setParameter("ids", ids).executeUpdate();
    }

    // ------------------------------------------------------------------ contact log

    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> contactsDue(Instant cutoff, long after, int limit) {
        return ids(em.createNativeQuery("SELECT id FROM contact WHERE anonymised_at IS NULL AND started_at < :cutoff"
                        + " AND id > :after ORDER BY id")
                .setParameter("cutoff", cutoff).setParameter("after", after).setMaxResults(limit));
    }

    /**
     * Unlinks these contacts from the caller and drops what the agent typed (topic, notes); channel, outcome, first
     * contact resolution, service, article, case reference, agent, times and handle time stay for the figures.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int clearContacts(List<Long> ids, Instant cutoff, Instant now) {
        return em.createNativeQuery("UPDATE contact SET customer_id = NULL, notes = NULL, topic = :removed, anonymised_at = :now"
                        + " WHERE id IN (:ids) AND anonymised_at IS NULL AND started_at < :cutoff")
                .setParameter("removed", REMOVED).setParameter("now", now).setParameter("cutoff", cutoff)
                .setParameter("ids", ids).executeUpdate();
    }

    // ------------------------------------------------------------------ customers

    /** Customers with no case (as reporter or added caller), no contact since the cutoff and no change since either. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> customersDue(Instant cutoff, long after, int limit) {
        return ids(em.createNativeQuery("SELECT c.id FROM customer c WHERE " + CUSTOMER_DUE + " AND c.id > :after ORDER BY c.id")
                .setParameter("cutoff", cutoff).setParameter("after", after).setMaxResults(limit));
    }

    /**
     * Deletes these customers with their search terms, opt-out links and notice settings, and unlinks their older
     * contacts and surveys. The rows are locked and checked again first: a case opened for one of them a moment ago
     * keeps them.
     *
     * @return how many customers were deleted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int deleteCustomers(List<Long> batch, Instant cutoff) {
        em.createNativeQuery("SELECT id FROM customer WHERE id IN (:ids) ORDER BY id FOR UPDATE").setParameter("ids", batch).getResultList();
        List<Long> ids = ids(em.createNativeQuery("SELECT c.id FROM customer c WHERE " + CUSTOMER_DUE + " AND c.id IN (:ids)")
                .setParameter("cutoff", cutoff).setParameter("ids", batch));
        if (ids.isEmpty()) {
            return 0;
        }
        update("DELETE FROM customer_search_term WHERE customer_id IN (:ids)", ids);
        update("DELETE FROM customer_detail_to_confirm WHERE customer_id IN (:ids)", ids);
        update("DELETE FROM notice_token WHERE customer_id IN (:ids)", ids);
        update("DELETE FROM notice_subscription WHERE customer_id IN (:ids)", ids);
        update("UPDATE contact SET customer_id = NULL WHERE customer_id IN (:ids)", ids);
        update("UPDATE survey SET customer_id = NULL WHERE customer_id IN (:ids)", ids);
        return update("DELETE FROM customer WHERE id IN (:ids)", ids);
    }

    // ------------------------------------------------------------------ opt-out links

    /** Opt-out tokens issued before the cutoff (links in notices that old stop working; newer notices have their own). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> tokensDue(Instant cutoff, String after, int limit) {
        return em.createNativeQuery("SELECT token_hash FROM notice_token WHERE created_at < :cutoff AND token_hash > :after"
                        + " ORDER BY token_hash", String.class)
                .setParameter("cutoff", cutoff).setParameter("after", after).setMaxResults(limit).getResultList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int deleteTokens(List<String> hashes, Instant cutoff) {
        return em.createNativeQuery("DELETE FROM notice_token WHERE token_hash IN (:hashes) AND created_at < :cutoff")
                .setParameter("hashes", hashes).setParameter("cutoff", cutoff).executeUpdate();
    }

    // ------------------------------------------------------------------ helpers

    private int update(String sql, List<Long> ids) {
        return em.createNativeQuery(sql).setParameter("ids", ids).executeUpdate();
    }

    private static List<Long> ids(Query query) {
        return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }
}
