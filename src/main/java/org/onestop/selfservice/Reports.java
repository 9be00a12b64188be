package org.onestop.selfservice;

import org.onestop.cases.CaseService;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A resident's report from the web: the case and its photo are written together, or not at all. */
@Service
class Reports {

    /** Who opened a case from the residents' pages, on its timeline. */
    static final String RESIDENT = "resident";

    private final CaseService cases;
    private final Photos photos;

    Reports(CaseService cases, Photos photos) {
        this.cases = cases;
        this.photos = photos;
    }

    @Transactional
    ServiceRequest submit(NewCase request, Photos.CleanImage photo) {
        ServiceRequest sr = cases.open(request, RESIDENT);
        if (photo != null) {
            photos.attach(sr.getId(), photo);
        }
        return sr;
    }
}
