package org.onestop.owners;

import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process owners' API: what is live ({@code GET /api/models/services}) and the preview
 * ({@code POST /api/models/services/{code}/preview}). Process owners and administrators
 * ({@link CaseAccessPolicy#mayManageModels}); everyone else 403.
 */
@RestController
@RequestMapping("/api/models/services")
class OwnersApi {

    private final LiveServices live;
    private final ServicePreviews previews;
    private final CaseAccessPolicy policy;

    OwnersApi(LiveServices live, ServicePreviews previews, CaseAccessPolicy policy) {
        this.live = live;
        this.previews = previews;
        this.policy = policy;
    }

    @GetMapping
    LiveServices.Live services(Authentication user) {
        allowed(user);
        return live.live(null);
    }

    @PostMapping("/{code}/preview")
    ServicePreviews.Preview preview(@PathVariable String code, @RequestBody ServicePreviews.PreviewRequest request, Authentication user) {
        allowed(user);
        return previews.preview(code, request);
    }

    private void allowed(Authentication user) {
        if (!policy.mayManageModels(StaffMember.of(user))) {
            throw new AccessDeniedException("only process owners and administrators manage the models");
        }
    }
}
