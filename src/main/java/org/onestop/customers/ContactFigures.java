package org.onestop.customers;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log in figures, for the KPIs: per group, the contacts and how many were resolved on first contact, and
 * the distribution of handle times (one row per channel and whole second of handle time, counted in the database), so
 * that averages, percentiles and shares within a target are exact without reading a contact. Nothing here names a
 * caller, an agent or a case.
 */
@Service
public class ContactFigures {

    /** What contacts are grouped by; {@link #NONE}: one group, {@code "all"}. */
    public enum Dimension {
        NONE("'all'"), CHANNEL("c.channel"), SERVICE("c.serviceCode");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }
    }

    /** {@code count} contacts of the group on the channel took {@code handleSeconds}; {@code resolvedOnFirstContact} of them were. */
    public record HandleTimes(String key, String channel, int handleSeconds, long count, long resolvedOnFirstContact) {
    }

    private final EntityManager entities;

    ContactFigures(EntityManager entities) {
        this.entities = entities;
    }

    /** The contacts that ended in [from, to), grouped, by channel and handle time. */
    @Transactional(readOnly = true)
    public List<HandleTimes> handleTimes(Instant from, Instant to, Dimension by) {
        String key = by.expression;
        List<Object[]> rows = entities.createQuery("select " + key + ", c.channel, c.handleSeconds, count(c), "
                        + "sum(case when c.firstContactResolution = true then 1 else 0 end) from Contact c "
                        + "where c.endedAt >= :from and c.endedAt < :to "
                        + "group by " + (by == Dimension.NONE ? "" : key + ", ") + "c.channel, c.handleSeconds", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new HandleTimes(r[0] == null ? "(none)" : r[0].toString(), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue(), r[4] == null ? 0 : ((Number) r[4]).longValue())).toList();
    }
}
