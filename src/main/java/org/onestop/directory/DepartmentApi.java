package org.onestop.directory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.departments.DepartmentRegistry;
import org.onestop.departments.Departments.Department;
import org.onestop.shared.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's departments: {@code GET /api/departments} for staff; administrators add ({@code POST}) and change
 * ({@code PUT /{id}}) them, which also makes the department's engine groups and their rights. Every node has the
 * change within {@code onestop.department-check}.
 */
@RestController
@RequestMapping("/api/departments")
@Tag(name = "Departments", description = "The city's departments: each a Camunda group with -supervisors, -oncall and -head groups")
class DepartmentApi {

    private final DepartmentRegistry registry;
    private final CaseAccessPolicy policy;

    DepartmentApi(DepartmentRegistry registry, CaseAccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    /** A department as sent: id (a group id), name, nameFr, phone, email, description. */
    record DepartmentBody(String id, String name, String nameFr, String phone, String email, String description) {

        Department department(String id) {
            return new Department(id, name, nameFr, phone, email, description);
        }
    }

    @GetMapping
    @Operation(operationId = "listDepartments", summary = "The city's departments, in the order they were added")
    @ApiAccess(who = "any staff member (not the monitoring group)", forbidden = "the caller is only in the monitoring group")
    List<Department> list(Authentication user) {
        if (!policy.mayUseStaffDirectory(StaffMember.of(user))) {
            throw new AccessDeniedException("the departments are for staff");
        }
        return registry.all();
    }

    @PostMapping
    @Operation(operationId = "addDepartment", summary = "Add a department, with its engine groups (<id>, <id>-supervisors, "
            + "<id>-oncall, <id>-head) and their Tasklist and Cockpit rights")
    @ApiAccess(who = "administrators", forbidden = "the caller is not an administrator")
    @ResponseStatus(HttpStatus.CREATED)
    Department add(@RequestBody DepartmentBody body, Authentication user) {
        requireManager(user);
        return registry.add(body.department(body.id()), user.getName());
    }

    @PutMapping("/{id}")
    @Operation(operationId = "changeDepartment", summary = "Change a department's names, phone, e-mail and description (not its id)")
    @ApiAccess(who = "administrators", forbidden = "the caller is not an administrator")
    Department change(@PathVariable String id, @RequestBody DepartmentBody body, Authentication user) {
        requireManager(user);
        return registry.change(id, body.department(id), user.getName());
    }

    private void requireManager(Authentication user) {
        if (!policy.mayManageDepartments(StaffMember.of(user))) {
            throw new AccessDeniedException("only administrators add and change departments");
        }
    }
}
