package org.onestop.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts and times over the cases received in a period, grouped in the database (one grouped query per call, never
 * the cases themselves): what the KPIs are computed from. Nothing here names a case or a person; a group's key is a
 * department, service code, ward name or channel code.
 */
@Service
public class CaseFigures {

    /** What the cases are grouped by; {@link #NONE}: one group, {@code "all"}. */
    public enum Dimension {
        NONE("'all'"), DEPARTMENT("r.department"), SERVICE("r.serviceCode"), WARD("r.ward"), CHANNEL("r.channel");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }
    }

    /**
     * The facts of one group of cases received in the period.
     *
     * @param received cases received (every status)
     * @param acknowledged cases acknowledged (the latest acknowledgement)
     * @param averageAcknowledgeSeconds received → acknowledged, over the acknowledged, in calendar seconds (0 if none)
     * @param acknowledgeDue cases with an acknowledge-by date that are acknowledged or past it now (not cancelled, not duplicates)
     * @param acknowledgedInTime of those, acknowledged at or before their acknowledge-by
     * @param resolved cases resolved (not duplicates)
     * @param averageResolveSeconds received → resolved, over the resolved, in calendar seconds (0 if none)
     * @param resolveDue cases with a resolve-by date that are resolved or still open past it now (not cancelled, not duplicates)
     * @param resolvedInTime of those, resolved at or before their resolve-by
     * @param open cases open now
     * @param overdue cases open now past their resolve-by
     * @param transfers transfers of all the group's cases
     * @param transferred cases transferred at least once
     * @param reopened cases reopened at least once ("not fixed")
     * @param resolvedOnce cases resolved at least once (resolved now, or reopened)
     * @param averageResolveBusinessSeconds received → resolved, over the resolved, in office time (seconds; 0 if none)
     */
    public record Totals(String key, long received, long acknowledged, double averageAcknowledgeSeconds, long acknowledgeDue,
                         long acknowledgedInTime, long resolved, double averageResolveSeconds, long resolveDue, long resolvedInTime,
                         long open, long overdue, long transfers, long transferred, long reopened, long resolvedOnce,
                         double averageResolveBusinessSeconds) {

        /** Without the business-time average. */
        public Totals(String key, long received, long acknowledged, double averageAcknowledgeSeconds, long acknowledgeDue,
                      long acknowledgedInTime, long resolved, double averageResolveSeconds, long resolveDue, long resolvedInTime,
                      long open, long overdue, long transfers, long transferred, long reopened, long resolvedOnce) {
            this(key, received, acknowledged, averageAcknowledgeSeconds, acknowledgeDue, acknowledgedInTime, resolved,
                    averageResolveSeconds, resolveDue, resolvedInTime, open, overdue, transfers, transferred, reopened, resolvedOnce, 0);
        }
    }

    private static final List<CaseStatus> NOT_COUNTED_AGAINST_STANDARD = List.of(CaseStatus.CANCELLED, CaseStatus.DUPLICATE);
    private static final List<CaseStatus> OPEN = java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();

    private final EntityManager entities;

    CaseFigures(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * The cases received in [from, to), of the given departments only ({@code null}: all, also cases not routed yet),
     * grouped by the dimension; {@code now} decides what is overdue and what is past its due dates.
     */
    @Transactional(readOnly = true)
    public List<Totals> totals(Instant from, Instant to, Dimension by, Collection<String> departments, Instant now) {
        if (departments != null && departments.isEmpty()) {
            return List.of();
        }
        String key = by.expression;
        String jpql = "select " + key + ", count(r), count(r.acknowledgedAt), "
                + "avg((r.acknowledgedAt - r.createdAt) by second), "
                + "sum(case when r.acknowledgeBy is not null and r.status not in :excluded "
                + "  and (r.acknowledgedAt is not null or r.acknowledgeBy < :now) then 1 else 0 end), "
                + "sum(case when r.acknowledgeBy is not null and r.status not in :excluded "
                + "  and r.acknowledgedAt is not null and r.acknowledgedAt <= r.acknowledgeBy then 1 else 0 end), "
                + "sum(case when r.resolvedAt is not null and r.status <> :duplicate then 1 else 0 end), "
                + "avg(case when r.status <> :duplicate then ((r.resolvedAt - r.createdAt) by second) end), "
                + "sum(case when r.resolveBy is not null and r.status not in :excluded "
                + "  and (r.resolvedAt is not null or (r.status in :open and r.resolveBy < :now)) then 1 else 0 end), "
                + "sum(case when r.resolveBy is not null and r.status not in :excluded "
                + "  and r.resolvedAt is not null and r.resolvedAt <= r.resolveBy then 1 else 0 end), "
                + "sum(case when r.status in :open then 1 else 0 end), "
                + "sum(case when r.status in :open and r.resolveBy < :now then 1 else 0 end), "
                + "sum(r.transfers), sum(case when r.transfers > 0 then 1 else 0 end), "
                + "sum(case when exists (select e.id from CaseEvent e where e.caseId = r.id and e.type = :reopenedEvent) then 1 else 0 end), "
                + "sum(case when (r.resolvedAt is not null and r.status <> :duplicate) "
                + "  or exists (select e.id from CaseEvent e where e.caseId = r.id and e.type = :reopenedEvent) then 1 else 0 end), "
                + "avg(case when r.status <> :duplicate then r.resolveBusinessSeconds end) "
                + "from ServiceRequest r where r.createdAt >= :from and r.createdAt < :to"
                + (departments == null ? "" : " and r.department in :departments")
                + (by == Dimension.NONE ? "" : " group by " + key);
        TypedQuery<Object[]> query = entities.createQuery(jpql, Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .setParameter("excluded", NOT_COUNTED_AGAINST_STANDARD).setParameter("duplicate", CaseStatus.DUPLICATE)
                .setParameter("open", OPEN).setParameter("reopenedEvent", CaseEventType.REOPENED);
        if (departments != null) {
            query.setParameter("departments", departments);
        }
        List<Totals> totals = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            long received = count(r[1]);
            if (received == 0) {
                continue;
            }
            Object group = r[0];
            String name = group == null ? "(none)" : group instanceof Channel channel ? channel.code() : group.toString();
            totals.add(new Totals(name, received, count(r[2]), number(r[3]), count(r[4]), count(r[5]), count(r[6]),
                    number(r[7]), count(r[8]), count(r[9]), count(r[10]), count(r[11]), count(r[12]), count(r[13]),
                    count(r[14]), count(r[15]), number(r[16])));
        }
        return totals;
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
