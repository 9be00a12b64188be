package org.onestop.cases;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A department that holds or held a case (routed or transferred to it): its staff keep reading the case. New rows are
 * inserted as they are (their key is assigned, so without {@link Persistable} saving one would first read it back).
 */
@Entity
@Table(name = "case_department")
@IdClass(CaseDepartment.Key.class)
class CaseDepartment implements Persistable<CaseDepartment.Key> {

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

    @Transient
    private boolean stored;

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

    @Override
    public Key getId() {
        Key key = new Key();
        key.caseId = caseId;
        key.department = department;
        return key;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PrePersist
    void stored() {
        stored = true;
    }
}
