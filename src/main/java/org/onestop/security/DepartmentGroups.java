package org.onestop.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.onestop.departments.DepartmentSaved;
import org.onestop.departments.Departments;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A department's engine groups ({@code <id>}, {@code <id>-supervisors}, {@code <id>-oncall}, {@code <id>-head}) and
 * their rights ({@link EngineRights}): made on start for every department (IdentityBootstrap) and, for a department an
 * administrator adds or renames, in the transaction that saves it (through the engine's public IdentityService and
 * AuthorizationService, so the rights are the same as the other departments' from the first moment).
 */
@Component
class DepartmentGroups {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    DepartmentGroups(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener
    void saved(DepartmentSaved saved) {
        make(saved.department());
        EngineRights.of(saved.department()).apply(authorizations);
    }

    /** Creates the department's groups that are missing, and names them after the department (idempotent). */
    void make(Departments.Department department) {
        List<String> ids = department.groups();
        List<String> names = List.of(department.name(), department.name() + " supervisors", department.name() + " on call",
                "Head of " + department.name());
        for (int i = 0; i < ids.size(); i++) {
            Group group = identity.createGroupQuery().groupId(ids.get(i)).singleResult();
            if (group == null) {
                group = identity.newGroup(ids.get(i));
            } else if (names.get(i).equals(group.getName()) && Departments.GROUP_TYPES.get(i).equals(group.getType())) {
                continue;
            }
            group.setName(names.get(i));
            group.setType(Departments.GROUP_TYPES.get(i));
            identity.saveGroup(group);
        }
    }
}
