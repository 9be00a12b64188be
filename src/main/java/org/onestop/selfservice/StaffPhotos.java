package org.onestop.selfservice;

import org.onestop.cases.CaseService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A case's photos for staff, beside the staff case page (a login is needed, as for every page under /cases). */
@Controller
class StaffPhotos {

    private final CaseService cases;
    private final Photos photos;

    StaffPhotos(CaseService cases, Photos photos) {
        this.cases = cases;
        this.photos = photos;
    }

    @GetMapping("/cases/{reference}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String reference, @PathVariable long id) {
        if (reference.length() > 24) {
            return ResponseEntity.notFound().build();
        }
        return cases.find(reference).flatMap(sr -> photos.find(sr.getId(), id))
                .map(StatusPages::image)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
