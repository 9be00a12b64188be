package org.onestop.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.OptimizePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine grants of the groups OneStop manages, and the means to make a database hold exactly them.
 * <p>
 * OneStop owns each managed group's grants on every resource ({@code *}) and on the webapps (resource APPLICATION):
 * {@link #apply} adds what is missing and takes away what the table no longer gives (so an upgrade narrows the grants
 * an earlier version made). Grants on single resources are left alone: the engine's own per-task grants to candidate
 * groups and assignees, the Tasklist filters, and whatever an administrator granted on one process or decision.
 */
final class GrantTable {

    private static final Logger log = LoggerFactory.getLogger(GrantTable.class);

    /** Every permission the engine defines, to compare a stored grant with the table bit by bit. */
    private static final List<Permission> KNOWN_PERMISSIONS = Stream.of(Permissions.values(),
                    ProcessDefinitionPermissions.values(), ProcessInstancePermissions.values(), TaskPermissions.values(),
                    HistoricTaskPermissions.values(), HistoricProcessInstancePermissions.values(), BatchPermissions.values(),
                    SystemPermissions.values(), UserOperationLogCategoryPermissions.values(), OptimizePermissions.values())
            .flatMap(Arrays::stream).map(Permission.class::cast)
            .filter(p -> !p.getName().equals("ALL") && !p.getName().equals("NONE")).toList();

    /** One row: a group's permissions on a resource type and id ({@code *} for all). */
    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

        boolean all() {
            return permissions.stream().anyMatch(p -> p.getName().equals("ALL"));
        }

        @Override
        public String toString() {
            return groupId + ": " + resource.resourceName() + " " + resourceId + " "
                    + permissions.stream().map(Permission::getName).toList();
        }
    }

    private record Target(int resourceType, String resourceId) {
    }

    private final Map<String, Map<Target, Grant>> groups = new LinkedHashMap<>();
    /** Groups whose every grant the table owns, also on single resources (the back-office systems' workers). */
    private final java.util.Set<String> wholly = new java.util.LinkedHashSet<>();

    /** A group OneStop manages; it has no grants on every resource or on the webapps unless {@link #grant} gives them. */
    GrantTable manage(String groupId) {
        groups.computeIfAbsent(groupId, g -> new LinkedHashMap<>());
        return this;
    }

    /**
     * A group OneStop manages wholly: besides its grants on every resource and on the webapps, its grants on single
     * resources are the table's too ({@link #grant} may name one), so anything else given to it is taken back.
     */
    GrantTable manageWholly(String groupId) {
        wholly.add(groupId);
        return manage(groupId);
    }

    GrantTable grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (!Authorization.ANY.equals(resourceId) && resource != Resources.APPLICATION && !wholly.contains(groupId)) {
            // Anything else would be outside what apply() keeps in step.
            throw new IllegalArgumentException("the table holds grants on '*' and on the webapps only: " + resourceId);
        }
        Map<Target, Grant> grants = groups.computeIfAbsent(groupId, g -> new LinkedHashMap<>());
        Target target = new Target(resource.resourceType(), resourceId);
        List<Permission> merged = new ArrayList<>();
        Grant existing = grants.get(target);
        if (existing != null) {
            merged.addAll(existing.permissions());
        }
        Arrays.stream(permissions).filter(p -> merged.stream().noneMatch(m -> m.getName().equals(p.getName()))).forEach(merged::add);
        grants.put(target, new Grant(groupId, resource, resourceId, List.copyOf(merged)));
        return this;
    }

    /** The rows, group by group, in the order they were given. */
    List<Grant> grants() {
        return groups.values().stream().flatMap(g -> g.values().stream()).toList();
    }

    List<String> managedGroups() {
        return List.copyOf(groups.keySet());
    }

    /** Makes the database hold exactly this table for the managed groups (idempotent; writes only what differs). */
    void apply(AuthorizationService authorizations) {
        for (Map.Entry<String, Map<Target, Grant>> group : groups.entrySet()) {
            Map<Target, Grant> wanted = new LinkedHashMap<>(group.getValue());
            for (Authorization stored : owned(authorizations, group.getKey(), wholly.contains(group.getKey()))) {
                Grant grant = wanted.remove(new Target(stored.getResourceType(), stored.getResourceId()));
                if (grant == null) {
                    authorizations.deleteAuthorization(stored.getId());
                    log.info("Took back the grant of {} on {} '{}': not in OneStop's table", group.getKey(),
                            resourceName(stored.getResourceType()), stored.getResourceId());
                } else if (!holdsExactly(stored, grant)) {
                    stored.setPermissions(grant.permissions().toArray(Permission[]::new));
                    authorizations.saveAuthorization(stored);
                    log.info("Set the grant {}", grant);
                }
            }
            for (Grant missing : wanted.values()) {
                Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(missing.groupId());
                authorization.setResource(missing.resource());
                authorization.setResourceId(missing.resourceId());
                authorization.setPermissions(missing.permissions().toArray(Permission[]::new));
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    private static String resourceName(int resourceType) {
        return Arrays.stream(Resources.values()).filter(r -> r.resourceType() == resourceType).map(Resources::resourceName)
                .findFirst().orElse("resource type " + resourceType);
    }

    /** The group's grants that the table owns: on every resource, and on the webapps; all of them for a wholly managed group. */
    private static List<Authorization> owned(AuthorizationService authorizations, String groupId, boolean wholly) {
        if (wholly) {
            return authorizations.createAuthorizationQuery().groupIdIn(groupId).authorizationType(Authorization.AUTH_TYPE_GRANT).list();
        }
        Map<String, Authorization> owned = new LinkedHashMap<>();
        Stream.concat(
                authorizations.createAuthorizationQuery().groupIdIn(groupId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                        .resourceId(Authorization.ANY).list().stream(),
                authorizations.createAuthorizationQuery().groupIdIn(groupId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                        .resourceType(Resources.APPLICATION).list().stream())
                .forEach(a -> owned.putIfAbsent(a.getId(), a));
        return List.copyOf(owned.values());
    }

    private static boolean holdsExactly(Authorization stored, Grant grant) {
        if (grant.all()) {
            return stored.isEveryPermissionGranted();
        }
        if (stored.isEveryPermissionGranted()) {
            return false;
        }
        int wanted = grant.permissions().stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        for (Permission permission : KNOWN_PERMISSIONS) {
            boolean applies = Arrays.stream(permission.getTypes()).anyMatch(r -> r.resourceType() == stored.getResourceType());
            if (applies && stored.isPermissionGranted(permission) != ((wanted & permission.getValue()) == permission.getValue())) {
                return false;
            }
        }
        return true;
    }
}
