package org.onestop.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;

import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.onestop.departments.Departments;

/**
 * Who may do what in Camunda (Tasklist, Cockpit, Admin, {@code /engine-rest}): the README's "Engine rights" table.
 * <p>
 * Department staff get no grant on tasks here: the engine gives a task's candidate group and assignee READ and UPDATE
 * on that task and, with {@code enableHistoricInstancePermissions}, READ on its history (so they can comment on it and
 * read its history, and other departments cannot). Groups whose members have no tasks (contact centre, councillors'
 * offices, knowledge editors) have no engine rights at all: they work in OneStop's own pages and {@code /api}.
 */
final class EngineRights {

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private EngineRights() {
    }

    static GrantTable of(List<Departments.Department> departments, List<String> wardOffices) {
        return of(departments, wardOffices, List.of());
    }

    /**
     * @param workOrderProcesses the processes whose external tasks the {@code integrations} group's workers fetch and
     *                           complete ({@code onestop.integrations.processes})
     */
    static GrantTable of(List<Departments.Department> departments, List<String> wardOffices, List<String> workOrderProcesses) {
        GrantTable table = new GrantTable();

        // Camunda's admin group (also the engine's adminGroups, by default): everything, as Camunda's own first-admin
        // setup grants it. The engine has no bypass for this group: app access and every check need these grants.
        for (Resources resource : Resources.values()) {
            table.grant(IdentityBootstrap.ADMINS, resource, ANY, Permissions.ALL);
        }

        // Process owners: modelling and nothing more. Deploy; read processes, decisions and their requirements; move
        // running cases to a new version (by instance id, as they cannot list instances) as a batch, and follow the
        // batch. READ on the definitions also gives Cockpit's per-process counts of running instances and incidents.
        // No READ_HISTORY: the engine has no aggregate-only history permission, and READ_HISTORY opens every case's
        // history with its variables. No task, instance or variable rights, and no Tasklist. No deleting deployments:
        // with cascade=true that deletes the running cases on them, and the engine checks no instance right for it.
        table.grant(IdentityBootstrap.PROCESS_OWNERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS)
                .grant(IdentityBootstrap.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ)
                .grant(IdentityBootstrap.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.MIGRATE_INSTANCE)
                .grant(IdentityBootstrap.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ)
                .grant(IdentityBootstrap.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ)
                .grant(IdentityBootstrap.PROCESS_OWNERS, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                        BatchPermissions.READ);

        table.manage(IdentityBootstrap.CONTACT_CENTRE).manage(IdentityBootstrap.COUNCIL_OFFICE)
                .manage(IdentityBootstrap.KNOWLEDGE_EDITORS).manage(IdentityBootstrap.MONITORING);
        wardOffices.forEach(table::manage);

        for (Departments.Department department : departments) {
            department(table, department);
        }

        // Back-office systems' workers (README "For integrators"): fetch and lock, complete, extend the lock, report a
        // failure or a BPMN error on the external tasks of the named processes, which takes READ_INSTANCE and
        // UPDATE_INSTANCE on their definitions (the engine has no narrower right for external tasks). No webapp, no
        // other process (not the case lifecycle), no deployment, task or history. Every grant of the group is the
        // table's, so one an administrator gave it elsewhere is taken back on the next start.
        table.manageWholly(IdentityBootstrap.INTEGRATIONS);
        for (String process : workOrderProcesses) {
            table.grant(IdentityBootstrap.INTEGRATIONS, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        }
        return table;
    }

    /** One department's groups' rows: what {@link #of} gives each department, for a department added while running. */
    static GrantTable of(Departments.Department department) {
        GrantTable table = new GrantTable();
        department(table, department);
        return table;
    }

    private static void department(GrantTable table, Departments.Department department) {
        // Staff, the on-call rota and the head work their tasks in Tasklist.
        for (String group : List.of(department.id(), department.id() + "-oncall", department.id() + "-head")) {
            workInTasklist(table, group);
        }
        // Supervisors also watch the running cases in Cockpit. The engine cannot tell a case's department, so they
        // read every case of every department there: its activities, its variables (reference, ward, the answers
        // to the service's questions and the task forms' entries; the customer's details stay in OneStop's tables)
        // and its history, including comments. Tasks they see and work only as their departments' candidate group.
        String supervisors = department.supervisorsGroup();
        workInTasklist(table, supervisors);
        table.grant(supervisors, Resources.APPLICATION, COCKPIT, Permissions.ACCESS)
                .grant(supervisors, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY, Permissions.READ_INSTANCE)
                .grant(supervisors, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }

    /** Tasklist, with the names of processes and decisions; the tasks themselves come from the engine's task grants. */
    private static void workInTasklist(GrantTable table, String group) {
        table.grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS)
                .grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ)
                .grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
}
