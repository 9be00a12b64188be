package org.onestop.models;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.shared.ApiAccess;
import org.onestop.shared.InvalidRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The process owners' actions on the live models: roll back to an earlier version; see the bundled files held back. */
@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "Process owners: roll a model back to an earlier version; bundled models held back at an upgrade")
class ModelsApi {

    private final ModelRollback rollback;
    private final BundledModels bundled;
    private final CaseAccessPolicy policy;

    ModelsApi(ModelRollback rollback, BundledModels bundled, CaseAccessPolicy policy) {
        this.rollback = rollback;
        this.bundled = bundled;
        this.policy = policy;
    }

    /**
     * Either {@code key} and {@code version} (a process or decision), or {@code deploymentId} and {@code resource} (any
     * deployed file, e.g. a form).
     */
    record Rollback(@Size(max = 255, message = "must be at most 255 characters") String key,
                    @Min(value = 1, message = "must be 1 or more") Integer version,
                    @Size(max = 64, message = "must be at most 64 characters") String deploymentId,
                    @Size(max = 255, message = "must be at most 255 characters") String resource) {
    }

    @PostMapping("/rollback")
    @Operation(operationId = "rollBackModel", summary = "Deploy an earlier version of a process or decision (key, version), or a file of an "
            + "earlier deployment (deploymentId, resource), again as the new latest version, through the model check")
    @ApiAccess(who = "process owners and administrators", forbidden = "the caller is no process owner or administrator")
    ModelRollback.RolledBack rollBack(@Valid @RequestBody Rollback request, Authentication user) {
        requireModelManager(user);
        boolean byKey = request.key() != null && !request.key().isBlank();
        boolean byFile = request.deploymentId() != null && !request.deploymentId().isBlank();
        if (byKey == byFile) {
            throw new InvalidRequestException("key", "give either key and version, or deploymentId and resource");
        }
        if (byKey) {
            if (request.version() == null) {
                throw new InvalidRequestException("version", "is required with key");
            }
            return rollback.toVersion(request.key().strip(), request.version(), user.getName());
        }
        if (request.resource() == null || request.resource().isBlank()) {
            throw new InvalidRequestException("resource", "is required with deploymentId");
        }
        return rollback.toFile(request.deploymentId().strip(), request.resource().strip(), user.getName());
    }

    @GetMapping("/held-back")
    @Operation(operationId = "heldBackModels", summary = "The bundled models this release changed but did not deploy, because a process owner's "
            + "version is live (see \"Upgrading OneStop\")")
    @ApiAccess(who = "process owners and administrators", forbidden = "the caller is no process owner or administrator")
    List<BundledModels.HeldBack> heldBack(Authentication user) {
        requireModelManager(user);
        return bundled.heldBack();
    }

    private void requireModelManager(Authentication user) {
        if (!policy.mayManageModels(StaffMember.of(user))) {
            throw new AccessDeniedException("only process owners and administrators manage the models");
        }
    }
}
