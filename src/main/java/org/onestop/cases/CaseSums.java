package org.onestop.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * The KPIs' figures of a group of cases as sums that add up across days and groups: the part that does not depend on
 * the time they are read ({@link #settled}, what the rollup stores) and the part that does ({@link #pending}, counted
 * from the open and the unacknowledged cases when read). One place for the formulas, so that the rollup and a count
 * from the cases themselves agree.
 */
final class CaseSums {

    static final int RECEIVED = 0;
    static final int ACKNOWLEDGED = 1;
    static final int ACKNOWLEDGE_SECONDS = 2;
    static final int ACKNOWLEDGE_DUE = 3;
    static final int ACKNOWLEDGED_IN_TIME = 4;
    static final int RESOLVED = 5;
    static final int RESOLVE_SECONDS = 6;
    static final int BUSINESS_MEASURED = 7;
    static final int RESOLVE_BUSINESS_SECONDS = 8;
    static final int RESOLVE_DUE = 9;
    static final int RESOLVED_IN_TIME = 10;
    static final int OPEN = 11;
    static final int TRANSFERS = 12;
    static final int TRANSFERRED = 13;
    static final int REOPENED = 14;
    static final int RESOLVED_ONCE = 15;
    /** Past its acknowledge-by now and not acknowledged; open past its resolve-by now (counted against the standard); overdue. */
    static final int ACKNOWLEDGE_DUE_NOW = 16;
    static final int RESOLVE_DUE_NOW = 17;
    static final int OVERDUE = 18;
    static final int SIZE = 19;
    /** The settled sums' columns in the rollup table, in index order. */
    static final List<String> COLUMNS = List.of("received", "acknowledged", "acknowledge_seconds", "acknowledge_due",
            "acknowledged_in_time", "resolved", "resolve_seconds", "business_measured", "resolve_business_seconds", "resolve_due",
            "resolved_in_time", "open_now", "transfers", "transferred", "reopened", "resolved_once");

    static final List<CaseStatus> EXCLUDED = List.of(CaseStatus.CANCELLED, CaseStatus.DUPLICATE);
    static final List<CaseStatus> OPEN_STATUSES = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
    static final List<CaseStatus> ENDED_STATUSES = Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen()).toList();

    private static final String SETTLED = "count(r), count(r.acknowledgedAt), sum((r.acknowledgedAt - r.createdAt) by second), "
            + "sum(case when r.acknowledgeBy is not null and r.status not in :excluded and r.acknowledgedAt is not null then 1 else 0 end), "
            + "sum(case when r.acknowledgeBy is not null and r.status not in :excluded "
            + "  and r.acknowledgedAt is not null and r.acknowledgedAt <= r.acknowledgeBy then 1 else 0 end), "
            + "sum(case when r.resolvedAt is not null and r.status <> :duplicate then 1 else 0 end), "
            + "sum(case when r.status <> :duplicate then ((r.resolvedAt - r.createdAt) by second) end), "
            + "sum(case when r.status <> :duplicate and r.resolveBusinessSeconds is not null then 1 else 0 end), "
            + "sum(case when r.status <> :duplicate then r.resolveBusinessSeconds end), "
            + "sum(case when r.resolveBy is not null and r.status not in :excluded and r.resolvedAt is not null then 1 else 0 end), "
            + "sum(case when r.resolveBy is not null and r.status not in :excluded "
            + "  and r.resolvedAt is not null and r.resolvedAt <= r.resolveBy then 1 else 0 end), "
            + "sum(case when r.status in :open then 1 else 0 end), "
            + "sum(r.transfers), sum(case when r.transfers > 0 then 1 else 0 end), "
            + "sum(case when exists (select e.id from CaseEvent e where e.caseId = r.id and e.type = :reopenedEvent) then 1 else 0 end), "
            + "sum(case when (r.resolvedAt is not null and r.status <> :duplicate) "
            + "  or exists (select e.id from CaseEvent e where e.caseId = r.id and e.type = :reopenedEvent) then 1 else 0 end) ";

    private CaseSums() {
    }

    /**
     * The settled sums of the cases received in [from, to) (of the departments given; null: all), grouped by
     * {@code keys} (JPQL expressions over {@code r}): rows of the keys, then the 16 sums.
     */
    static List<Object[]> settled(EntityManager entities, List<String> keys, Instant from, Instant to, Collection<String> departments) {
        String select = String.join(", ", keys);
        TypedQuery<Object[]> query = entities.createQuery("select " + select + ", " + SETTLED
                        + "from ServiceRequest r where r.createdAt >= :from and r.createdAt < :to"
                        + (departments == null ? "" : " and r.department in :departments")
                        + " group by " + select, Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("excluded", EXCLUDED).setParameter("duplicate", CaseStatus.DUPLICATE)
                .setParameter("open", OPEN_STATUSES).setParameter("reopenedEvent", CaseEventType.REOPENED);
        if (departments != null) {
            query.setParameter("departments", departments);
        }
        return query.getResultList();
    }

    /**
     * The sums that depend on {@code now}, of the cases received in [from, to) (of the departments given; null: all):
     * rows of the keys, then acknowledge-due-now, resolve-due-now, overdue; only those whose due date lies in [dueFrom,
     * dueTo) ({@code dueFrom} null: any before {@code dueTo}; {@code dueTo} is now, or the start of today for the part the
     * rollup may hold). Two queries: the unacknowledged cases by acknowledge-by, the open ones by resolve-by.
     */
    static List<Object[]> pending(EntityManager entities, List<String> keys, Instant from, Instant to, Collection<String> departments,
                                  Instant dueFrom, Instant dueTo) {
        return pending(entities, keys, from, to, departments, dueFrom, dueTo, false);
    }

    /**
     * As {@link #pending}, with the due date (an instant) as the last key when {@code byDue}: what the rollup stores per
     * day due.
     */
    static List<Object[]> pending(EntityManager entities, List<String> keys, Instant from, Instant to, Collection<String> departments,
                                  Instant dueFrom, Instant dueTo, boolean byDue) {
        String key = String.join(", ", keys);
        List<Object[]> rows = new java.util.ArrayList<>();
        String acknowledge = "select " + key + (byDue ? ", r.acknowledgeBy" : "") + ", count(r) from ServiceRequest r "
                + "where r.acknowledgedAt is null and r.status not in :excluded and r.acknowledgeBy < :dueTo"
                + (dueFrom == null ? "" : " and r.acknowledgeBy >= :dueFrom")
                + " and r.createdAt >= :from and r.createdAt < :to"
                + (departments == null ? "" : " and r.department in :departments")
                + " group by " + key + (byDue ? ", r.acknowledgeBy" : "");
        for (Object[] r : query(entities, acknowledge, from, to, departments, dueFrom, dueTo).setParameter("excluded", EXCLUDED).getResultList()) {
            Object[] row = Arrays.copyOf(r, r.length + 2);
            row[r.length] = 0L;
            row[r.length + 1] = 0L;
            rows.add(row);
        }
        String resolve = "select " + key + (byDue ? ", r.resolveBy" : "") + ", 0, "
                + "sum(case when r.status not in :excluded and r.resolvedAt is null then 1 else 0 end), count(r) "
                + "from ServiceRequest r where r.status in :open and r.resolveBy < :dueTo"
                + (dueFrom == null ? "" : " and r.resolveBy >= :dueFrom")
                + " and r.createdAt >= :from and r.createdAt < :to"
                + (departments == null ? "" : " and r.department in :departments")
                + " group by " + key + (byDue ? ", r.resolveBy" : "");
        rows.addAll(query(entities, resolve, from, to, departments, dueFrom, dueTo).setParameter("excluded", EXCLUDED)
                .setParameter("open", OPEN_STATUSES).getResultList());
        return rows;
    }

    private static TypedQuery<Object[]> query(EntityManager entities, String jpql, Instant from, Instant to, Collection<String> departments,
                                              Instant dueFrom, Instant dueTo) {
        TypedQuery<Object[]> query = entities.createQuery(jpql, Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("dueTo", dueTo);
        if (dueFrom != null) {
            query.setParameter("dueFrom", dueFrom);
        }
        if (departments != null) {
            query.setParameter("departments", departments);
        }
        return query;
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A group's key as the KPIs show it: a channel's code, "(none)" for no ward or department. */
    static String name(Object group) {
        return group == null || "".equals(group) ? "(none)" : group instanceof Channel channel ? channel.code() : group.toString();
    }
}
