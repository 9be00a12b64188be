package org.onestop.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseReporters extends JpaRepository<CaseReporter, Long> {

    List<CaseReporter> findByCaseIdOrderByAddedAtAscIdAsc(Long caseId);

    boolean existsByCaseIdAndCustomerId(Long caseId, Long customerId);
}
