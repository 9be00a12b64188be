package org.onestop.cases;

import java.util.Optional;

import org.onestop.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ServiceRequests extends JpaRepository<ServiceRequest, Long>, JpaSpecificationExecutor<ServiceRequest> {

    Optional<ServiceRequest> findByReference(String reference);

    /** A case by its reference as people type it (any case, surrounding spaces). */
    default Optional<ServiceRequest> findAsTyped(String reference) {
        return reference == null ? Optional.empty() : findByReference(reference.trim().toUpperCase());
    }

    /** A case by its reference as people type it; 404 if there is none. */
    default ServiceRequest getByReference(String reference) {
        return findAsTyped(reference)
                .orElseThrow(() -> new NotFoundException("no case with reference '" + reference + "'"));
    }

    /** A case the engine names by its id. */
    default ServiceRequest load(long caseId) {
        return findById(caseId).orElseThrow(() -> new NotFoundException("no case with id " + caseId));
    }
}
