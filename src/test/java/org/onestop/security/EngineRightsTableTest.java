package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.onestop.departments.Departments;

/** The table itself: who gets which grant on every resource and on the webapps (the README's "Engine rights"). */
class EngineRightsTableTest {

    private final GrantTable table = EngineRights.of(List.of(new Departments.Department("roads", "Roads")),
            List.of("council-ward-1", "council-ward-2"));

    private List<String> rows(String group) {
        return table.grants().stream().filter(g -> g.groupId().equals(group))
                .map(g -> g.resource().resourceName() + " " + g.resourceId() + " "
                        + String.join(",", g.permissions().stream().map(Permission::getName).toList()))
                .toList();
    }

    @Test
    void processOwnersModelAndMigrateButHoldNothingOnCases() {
        assertThat(rows(IdentityBootstrap.PROCESS_OWNERS)).containsExactlyInAnyOrder(
                "Application cockpit ACCESS",
                "Deployment * CREATE,READ",
                "ProcessDefinition * READ,MIGRATE_INSTANCE",
                "DecisionDefinition * READ",
                "DecisionRequirementsDefinition * READ",
                "Batch * CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,READ");
    }

    @Test
    void departmentsWorkInTasklistAndSupervisorsAlsoWatchInCockpit() {
        List<String> tasklist = List.of("Application tasklist ACCESS", "ProcessDefinition * READ", "DecisionDefinition * READ");
        assertThat(rows("roads")).containsExactlyElementsOf(tasklist);
        assertThat(rows("roads-oncall")).containsExactlyElementsOf(tasklist);
        assertThat(rows("roads-head")).containsExactlyElementsOf(tasklist);
        assertThat(rows("roads-supervisors")).containsExactlyInAnyOrder("Application tasklist ACCESS", "Application cockpit ACCESS",
                "ProcessDefinition * READ,READ_HISTORY,READ_INSTANCE", "ProcessInstance * READ", "DecisionDefinition * READ");
    }

    @Test
    void administratorsHoldEverythingAndTheOfficesNothing() {
        assertThat(rows(IdentityBootstrap.ADMINS)).hasSize(Resources.values().length).allSatisfy(row -> assertThat(row).endsWith(" * ALL"));
        for (String group : List.of(IdentityBootstrap.CONTACT_CENTRE, IdentityBootstrap.COUNCIL_OFFICE, IdentityBootstrap.KNOWLEDGE_EDITORS,
                "council-ward-1", "council-ward-2")) {
            // Managed, so that a grant someone gave them on every resource is taken back on the next start.
            assertThat(table.managedGroups()).contains(group);
            assertThat(rows(group)).as(group).isEmpty();
        }
    }

    @Test
    void theTableHoldsOnlyWhatItKeepsInStep() {
        assertThatThrownBy(() -> new GrantTable().grant("roads", Resources.PROCESS_DEFINITION, "PotholeRepairProcess", Permissions.READ))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backOfficeWorkersHandleTheExternalTasksOfTheNamedProcessesOnly() {
        GrantTable withWorkOrders = EngineRights.of(List.of(), List.of(), List.of("PotholeRepairProcess"));
        assertThat(withWorkOrders.managedGroups()).contains(IdentityBootstrap.INTEGRATIONS);
        assertThat(withWorkOrders.grants()).filteredOn(g -> g.groupId().equals(IdentityBootstrap.INTEGRATIONS))
                .extracting(g -> g.resource().resourceName() + " " + g.resourceId() + " "
                        + String.join(",", g.permissions().stream().map(Permission::getName).toList()))
                .containsExactly("ProcessDefinition PotholeRepairProcess READ,READ_INSTANCE,UPDATE_INSTANCE");
        // without processes, the group is still managed: anything given to it is taken back
        assertThat(rows(IdentityBootstrap.INTEGRATIONS)).isEmpty();
        assertThat(table.managedGroups()).contains(IdentityBootstrap.INTEGRATIONS);
    }
}
