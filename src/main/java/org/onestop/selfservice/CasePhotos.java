package org.onestop.selfservice;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CasePhotos extends JpaRepository<CasePhoto, Long> {

    /** The photos of a case without their bytes, oldest first. */
    @Query("select new org.onestop.selfservice.CasePhotos$Summary(p.id, p.contentType, p.width, p.height, p.size) "
            + "from CasePhoto p where p.caseId = ?1 order by p.id")
    List<Summary> summariesOf(Long caseId);

    Optional<CasePhoto> findByIdAndCaseId(Long id, Long caseId);

    /** Each case's first photo: [case id, photo id]. */
    @Query("select p.caseId, min(p.id) from CasePhoto p where p.caseId in ?1 group by p.caseId")
    List<Object[]> firstOf(java.util.Collection<Long> caseIds);

    record Summary(Long id, String contentType, int width, int height, long size) {
    }
}
