package org.onestop.cases;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEvents extends JpaRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderByOccurredAtAscIdAsc(Long caseId);

    List<CaseEvent> findByCaseIdInAndVisibilityOrderByOccurredAtAscIdAsc(Collection<Long> caseIds, Visibility visibility);
}
