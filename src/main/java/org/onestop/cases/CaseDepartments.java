package org.onestop.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDepartments extends JpaRepository<CaseDepartment, CaseDepartment.Key> {

    List<CaseDepartment> findByCaseId(Long caseId);

    boolean existsByCaseIdAndDepartment(Long caseId, String department);
}
