package org.onestop.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** A case's further reporters; JPQL, so that Hibernate translates each lookup once (see customers' Customers). */
interface CaseReporters extends JpaRepository<CaseReporter, Long> {

    @Query("select r from CaseReporter r where r.caseId = ?1 order by r.addedAt, r.id")
    List<CaseReporter> findByCaseIdOrderByAddedAtAscIdAsc(Long caseId);

    @Query("select count(r) > 0 from CaseReporter r where r.caseId = ?1 and r.customerId = ?2")
    boolean existsByCaseIdAndCustomerId(Long caseId, Long customerId);
}
