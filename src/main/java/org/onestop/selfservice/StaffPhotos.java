package org.onestop.selfservice;

import org.onestop.access.CaseAccess;
import org.onestop.access.StaffMember;
import org.onestop.cases.StaffCases;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A case's photos for staff, beside the staff case page: for those who may read the whole case (the access policy). */
@Controller
class StaffPhotos {

    private final StaffCases cases;
    private final Photos photos;

    StaffPhotos(StaffCases cases, Photos photos) {
        this.cases = cases;
        this.photos = photos;
    }

    @GetMapping("/cases/{reference}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String reference, @PathVariable long id, Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        return cases.find(reference, user).filter(sr -> cases.access(sr, user) == CaseAccess.FULL)
                .flatMap(sr -> photos.find(sr.getId(), id))
                .map(StatusPages::image)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
