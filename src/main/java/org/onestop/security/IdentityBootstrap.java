package org.onestop.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.onestop.places.Wards;
import org.onestop.access.Roles;
import org.onestop.city.DemoProperties;
import org.onestop.departments.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups, authorizations and Tasklist filters OneStop relies on exist, on every start (idempotent, so
 * any number of nodes may run it): a group per department and per department's supervisors, the roles (monitoring too), a councillor's
 * office per ward, the engine grants of {@link EngineRights} (narrowing older, wider ones), and the first administrator
 * from {@code ONESTOP_ADMIN_USER} / {@code ONESTOP_ADMIN_PASSWORD}.
 */
@Component
@Order(10)
public class IdentityBootstrap implements ApplicationRunner {

    public static final String CONTACT_CENTRE = Roles.CONTACT_CENTRE;
    public static final String PROCESS_OWNERS = Roles.PROCESS_OWNERS;
    /** Staff who write and correct the knowledge base's articles. */
    public static final String KNOWLEDGE_EDITORS = Roles.KNOWLEDGE_EDITORS;
    /** Councillors' assistants: open councillor inquiries on a resident's behalf from the console. */
    public static final String COUNCIL_OFFICE = Roles.COUNCIL_OFFICE;
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    /** Monitoring systems: the actuator's metrics ({@code /actuator/prometheus}) by HTTP Basic, nothing else. */
    public static final String MONITORING = Roles.MONITORING;
    /** Back-office systems' workers: the external tasks of {@code onestop.integrations.processes}, nothing else. */
    public static final String INTEGRATIONS = Roles.INTEGRATIONS;
    public static final String MANAGERS = Roles.MANAGERS;
    /** Group type of the councillors' offices per ward ({@link #wardOfficeGroup}). */
    public static final String WARD_OFFICE = "WARD_OFFICE";
    private static final String WARD_OFFICE_PREFIX = Roles.WARD_OFFICE_PREFIX;

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Departments departments;
    private final DepartmentGroups departmentGroups;
    private final Wards wards;
    private final String adminUser;
    private final String adminPassword;
    private final boolean demoUsers;
    private final IntegrationProperties integrations;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks,
                      Departments departments, DepartmentGroups departmentGroups, Wards wards, AdminProperties admin,
                      DemoProperties demo, IntegrationProperties integrations) {
        this.integrations = integrations;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.departments = departments;
        this.departmentGroups = departmentGroups;
        this.wards = wards;
        this.adminUser = admin.username();
        this.adminPassword = admin.password();
        this.demoUsers = demo.users();
    }

    @Override
    public void run(ApplicationArguments args) {
        group(ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        group(CONTACT_CENTRE, "Contact centre", Groups.GROUP_TYPE_WORKFLOW);
        group(PROCESS_OWNERS, "Process owners", Groups.GROUP_TYPE_WORKFLOW);
        group(KNOWLEDGE_EDITORS, "Knowledge base editors", Groups.GROUP_TYPE_WORKFLOW);
        group(COUNCIL_OFFICE, "Councillors' office", Groups.GROUP_TYPE_WORKFLOW);
        group(MONITORING, "Monitoring", Groups.GROUP_TYPE_SYSTEM);
        group(INTEGRATIONS, "Back-office systems (external task workers)", Groups.GROUP_TYPE_SYSTEM);
        group(MANAGERS, "Managers (performance measures)", Groups.GROUP_TYPE_WORKFLOW);
        List<String> wardOffices = new ArrayList<>();
        for (String ward : wards.names()) {
            String office = wardOfficeGroup(ward);
            group(office, "Councillor's office, " + ward, WARD_OFFICE);
            wardOffices.add(office);
        }
        for (Departments.Department department : departments.departments()) {
            departmentGroups.make(department);
        }
        EngineRights.of(departments.departments(), wardOffices, integrations.processes()).apply(authorizations);

        filter("My tasks", 0, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "Tasks assigned to me");
        filter("My department's tasks", -10, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(), "Open tasks of my department and groups, claimed or not");

        admin();
        if (demoUsers) {
            demoUsers();
        }
    }

    /**
     * The group of the councillor's office of a ward ({@code Wards#names()}): {@code council-ward-<n>} for
     * "Ward n - Name", else {@code council-ward-<slug of the name>}.
     */
    public static String wardOfficeGroup(String wardName) {
        return Roles.wardOfficeGroup(wardName);
    }

    private void admin() {
        boolean anyAdmin = identity.createUserQuery().memberOfGroup(ADMINS).count() > 0;
        if (adminUser != null && !adminUser.isBlank()) {
            if (identity.createUserQuery().userId(adminUser).count() == 0) {
                if (adminPassword == null || adminPassword.length() < AdminProperties.MIN_PASSWORD) {
                    throw new IllegalStateException("ONESTOP_ADMIN_PASSWORD must be at least " + AdminProperties.MIN_PASSWORD + " characters to create the administrator '" + adminUser + "'");
                }
                user(adminUser, "Administrator", "", adminPassword, ADMINS);
                log.info("Created the administrator '{}'", adminUser);
            } else if (identity.createUserQuery().userId(adminUser).memberOfGroup(ADMINS).count() == 0) {
                identity.createMembership(adminUser, ADMINS);
            }
        } else if (!anyAdmin && !demoUsers) {
            throw new IllegalStateException("There is no administrator yet: set ONESTOP_ADMIN_USER and ONESTOP_ADMIN_PASSWORD "
                    + "(at least 12 characters) for the first start; see the README.");
        }
    }

    /** One user per role, password "demo": for the embedded default only (the mysql profile turns this off). */
    private void demoUsers() {
        user("agent", "Alex", "Agent", "demo", CONTACT_CENTRE);
        user("editor", "Eddie", "Editor", "demo", CONTACT_CENTRE, KNOWLEDGE_EDITORS);
        user("council", "Cora", "Council", "demo", COUNCIL_OFFICE);
        // Ward 1's office too, where the demo's wards have a ward 1.
        if (identity.createGroupQuery().groupId(WARD_OFFICE_PREFIX + "1").count() > 0) {
            user("council", "Cora", "Council", "demo", WARD_OFFICE_PREFIX + "1");
        }
        user("owner", "Olive", "Owner", "demo", PROCESS_OWNERS);
        user("admin", "Ada", "Admin", "demo", ADMINS);
        user("monitor", "Mo", "Monitor", "demo", MONITORING);
        user("manager", "Morgan", "Manager", "demo", MANAGERS);
        Map<String, String[]> staff = Map.of(
                "roads", new String[] {"Rita", "Roads"},
                "waste", new String[] {"Walt", "Waste"},
                "bylaw", new String[] {"Bea", "Bylaw"});
        for (Departments.Department department : departments.departments()) {
            String[] name = staff.getOrDefault(department.id(), new String[] {department.name(), "Staff"});
            user(department.id(), name[0], name[1], "demo", department.id());
        }
        List<String> supervisorGroups = departments.departments().stream().map(Departments.Department::supervisorsGroup).toList();
        user("supervisor", "Sam", "Supervisor", "demo", supervisorGroups.toArray(String[]::new));
    }

    private void user(String id, String first, String last, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@onestop.invalid");
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void filter(String name, int priority, TaskQuery query, String description) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
            filters.saveFilter(filter);
        }
        boolean readable = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId()).userIdIn(Authorization.ANY).count() > 0;
        if (!readable) {
            Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizations.saveAuthorization(everyone);
        }
    }

}
