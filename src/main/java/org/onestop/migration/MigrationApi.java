package org.onestop.migration;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.migration.Migrations.Migration;
import org.onestop.migration.RunningCaseMigration.Overview;
import org.onestop.migration.RunningCaseMigration.Plan;
import org.onestop.migration.RunningCaseMigration.Progress;
import org.onestop.shared.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Moving a service's running cases to its latest version: counts, the plan, a try on one case, all as a batch. */
@RestController
@RequestMapping("/api/models/services/{code}/migrations")
@Tag(name = "Migrations", description = "Running cases of a service moved to the latest version of its process")
class MigrationApi {

    private static final String WHO = "process owners and administrators";

    private final RunningCaseMigration migration;
    private final CaseAccessPolicy policy;

    MigrationApi(RunningCaseMigration migration, CaseAccessPolicy policy) {
        this.migration = migration;
        this.policy = policy;
    }

    record Versions(Overview service, List<Progress> migrations) {
    }

    record TryRequest(Integer fromVersion, String reference) {
    }

    record MoveRequest(Integer fromVersion) {
    }

    @GetMapping
    @Operation(operationId = "listServiceVersions", summary = "Cases running on each version of a service, and its migrations")
    @ApiAccess(who = WHO, forbidden = "anyone else")
    Versions versions(@PathVariable String code, Authentication auth) {
        require(auth);
        return new Versions(migration.overview(code), migration.progressOfHistory(code));
    }

    @GetMapping("/plan")
    @Operation(operationId = "migrationPlan", summary = "The generated plan from a version to the latest, and what it cannot map")
    @ApiAccess(who = WHO, forbidden = "anyone else")
    Plan plan(@PathVariable String code, @RequestParam(required = false) Integer fromVersion, Authentication auth) {
        require(auth);
        return migration.plan(code, fromVersion);
    }

    @PostMapping("/try")
    @Operation(operationId = "migrateOneCase", summary = "Move one running case (by reference) to the latest version, at once")
    @ApiAccess(who = WHO, forbidden = "anyone else")
    @ResponseStatus(HttpStatus.CREATED)
    Migration tryOne(@PathVariable String code, @RequestBody TryRequest request, Authentication auth) {
        StaffMember user = require(auth);
        return migration.tryOne(code, request.fromVersion(), request.reference(), user.userId());
    }

    @PostMapping
    @Operation(operationId = "migrateAllCases", summary = "Move every case of a version to the latest, as a batch")
    @ApiAccess(who = WHO, forbidden = "anyone else")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Progress moveAll(@PathVariable String code, @RequestBody MoveRequest request, Authentication auth) {
        StaffMember user = require(auth);
        Migration started = migration.moveAll(code, request.fromVersion(), user.userId());
        return migration.progress(code, started.id());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "migrationProgress", summary = "A migration's progress: jobs remaining, completed, failed, and failures")
    @ApiAccess(who = WHO, forbidden = "anyone else")
    Progress progress(@PathVariable String code, @PathVariable long id, Authentication auth) {
        require(auth);
        return migration.progress(code, id);
    }

    private StaffMember require(Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        if (!policy.mayManageModels(user)) {
            throw new AccessDeniedException("only process owners and administrators move running cases");
        }
        return user;
    }
}
