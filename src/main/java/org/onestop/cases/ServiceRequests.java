package org.onestop.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.onestop.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ServiceRequests extends JpaRepository<ServiceRequest, Long>, JpaSpecificationExecutor<ServiceRequest> {

    Optional<ServiceRequest> findByReference(String reference);

    /** The child cases split from a case, oldest first. */
    List<ServiceRequest> findByParentIdOrderByIdAsc(Long parentId);

    /** The child cases of several cases at once. */
    List<ServiceRequest> findByParentIdIn(Collection<Long> parentIds);

    /** A case by its reference as people type it (any case, surrounding spaces). */
    default Optional<ServiceRequest> findAsTyped(String reference) {
        return reference == null ? Optional.empty() : findByReference(reference.trim().toUpperCase());
    }

    /** A case by its reference as people type it; 404 if there is none. */
    default ServiceRequest getByReference(String reference) {
        return findAsTyped(reference)
                .orElseThrow(() -> new NotFoundException("no case with reference '" + reference + "'"));
    }

    /**
     * Per department (null: not routed yet), the cases in one of the given statuses and how many of them are past
     * their resolve-by date: {department, count, overdue}. One grouped query over the (department, status) index.
     */
    @Query("select r.department, count(r), sum(case when r.resolveBy < :now then 1 else 0 end) from ServiceRequest r "
            + "where r.status in :statuses group by r.department")
    List<Object[]> countByDepartment(@Param("statuses") Collection<CaseStatus> statuses, @Param("now") Instant now);

    /** A case the engine names by its id. */
    default ServiceRequest load(long caseId) {
        return findById(caseId).orElseThrow(() -> new NotFoundException("no case with id " + caseId));
    }
}
