package org.onestop.cases;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A department that holds or held a case (routed or transferred to it): its staff keep reading the case. */
@Entity
@Table(name = "case_department")
@IdClass(CaseDepartment.Key.class)
class CaseDepartment {

    static class Key implements Serializable {
        private Long caseId;
        private String department;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(department, k.department);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, department);
        }
    }

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Id
    private String department;

    @Column(nullable = false)
    private Instant since;

    protected CaseDepartment() {
    }

    CaseDepartment(Long caseId, String department, Instant since) {
        this.caseId = caseId;
        this.department = Objects.requireNonNull(department);
        this.since = since;
    }

    String getDepartment() {
        return department;
    }
}
