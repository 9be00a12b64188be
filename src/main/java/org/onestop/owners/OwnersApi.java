package org.onestop.owners;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.shared.ApiAccess;
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
@Tag(name = "Services live", description = "Process owners: what is live for each service, and a preview of what the live models decide")
class OwnersApi {

    private static final String WHO = "process owners and administrators";

    private final LiveServices live;
    private final ServicePreviews previews;
    private final CaseAccessPolicy policy;

    OwnersApi(LiveServices live, ServicePreviews previews, CaseAccessPolicy policy) {
        this.live = live;
        this.previews = previews;
        this.policy = policy;
    }

    @GetMapping
    @Operation(operationId = "listLiveServices", summary = "Every service's live process, decisions and start form, who deployed them, cases per version and failed intakes")
    @ApiAccess(who = WHO, forbidden = "anyone else")
    LiveServices.Live services(Authentication user) {
        allowed(user);
        return live.live(null);
    }

    @PostMapping("/{code}/preview")
    @Operation(operationId = "previewService", summary = "What the live routing, standards, escalation and after-hours decisions decide for sample answers, ward, channel and time (nothing is stored)")
    @ApiAccess(who = WHO, forbidden = "anyone else")
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
