package org.onestop.contactcentre;

import java.util.Arrays;
import java.util.List;

import org.onestop.access.StaffMember;
import org.onestop.cases.CaseService;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.StaffCases;
import org.onestop.cases.CaseView;
import org.onestop.cases.CaseViews;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** A customer's cases as the console lists them: newest first, with service, status, department and resolve-by date. */
@Component
public class CustomerCases {

    private final CaseService cases;
    private final CaseViews views;
    private final StaffCases staffCases;

    CustomerCases(CaseService cases, CaseViews views, StaffCases staffCases) {
        this.cases = cases;
        this.views = views;
        this.staffCases = staffCases;
    }

    /** The customer's cases that the user may read (the access policy's reach). */
    public List<CaseView> newestFirst(long customerId, int limit, StaffMember user) {
        return newestFirst(null, customerId, limit, user);
    }

    /** The customer's open cases (not resolved, closed, cancelled, duplicate or referred) that the user may read. */
    public List<CaseView> openNewestFirst(long customerId, int limit, StaffMember user) {
        return newestFirst(Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList(), customerId, limit, user);
    }

    private List<CaseView> newestFirst(List<CaseStatus> statuses, long customerId, int limit, StaffMember user) {
        return views.summaries(cases.search(new CaseService.Filter(statuses, null, null, null, null, customerId), staffCases.reach(user),
                PageRequest.of(0, limit, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))).getContent(), user);
    }
}
