package org.onestop.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a user who signs in with the city's provider in Camunda's identity tables, so that Tasklist, Cockpit, the
 * staff directory and the on-call rosters know them like a built-in user: on each sign-in, in one transaction, the
 * user is created or their name and e-mail brought up to date, and their memberships in the groups the mapping gives
 * ({@code onestop.oidc.groups}) made to match what the provider says now. Memberships in groups no mapping gives (an
 * on-call rota a supervisor keeps in OneStop, a group an administrator added in Camunda Admin) are OneStop's own and
 * stay. Such users have no password and are members of {@value #GROUP}; a built-in user of the same name is never
 * taken over.
 */
@Component
class OidcUserMirror {

    /** The group of users who sign in with the city's provider (no rights of its own; it marks them). */
    static final String GROUP = "oidc-users";

    private static final Logger log = LoggerFactory.getLogger(OidcUserMirror.class);

    /** The user's details as the provider gives them. */
    record Person(String id, String firstName, String lastName, String email) {
    }

    /** Why a sign-in is refused. */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final IdentityService identity;

    OidcUserMirror(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Brings the user and their mapped memberships up to date.
     *
     * @param mapped  the OneStop groups the provider's groups give now (may be empty: the user then keeps no mapped
     *                membership and is refused)
     * @param managed every OneStop group the mapping can give
     * @return the user's groups now (all their Camunda memberships); none when the mapping gives them no group (their
     *         mapped memberships are gone then, and the caller refuses the sign-in)
     */
    @Transactional
    public List<String> mirror(Person person, List<String> mapped, Set<String> managed) {
        User user = identity.createUserQuery().userId(person.id()).singleResult();
        if (user != null && identity.createUserQuery().userId(person.id()).memberOfGroup(GROUP).count() == 0) {
            throw new Refused("taken", "'" + person.id() + "' is a built-in OneStop user, not one of the provider's");
        }
        List<String> existing = mapped.stream().filter(g -> identity.createGroupQuery().groupId(g).count() > 0).toList();
        if (existing.size() < mapped.size()) {
            log.warn("Single sign-on: the mapping gives groups that do not exist in OneStop, left out: {}",
                    mapped.stream().filter(g -> !existing.contains(g)).toList());
        }
        if (user == null && existing.isEmpty()) {
            throw new Refused("groups", "'" + person.id() + "' has no group that the mapping gives");
        }
        if (user == null) {
            marker();
            user = identity.newUser(person.id());
            details(user, person);
            identity.saveUser(user);
            identity.createMembership(person.id(), GROUP);
            log.info("Single sign-on: created the user '{}'", person.id());
        } else if (!same(user, person)) {
            details(user, person);
            identity.saveUser(user);
        }
        Set<String> now = new LinkedHashSet<>();
        for (Group group : identity.createGroupQuery().groupMember(person.id()).list()) {
            now.add(group.getId());
        }
        for (String group : now) {
            if (managed.contains(group) && !existing.contains(group)) {
                identity.deleteMembership(person.id(), group);
            }
        }
        for (String group : existing) {
            if (!now.contains(group)) {
                identity.createMembership(person.id(), group);
            }
        }
        if (existing.isEmpty()) {
            return List.of();
        }
        return identity.createGroupQuery().groupMember(person.id()).list().stream().map(Group::getId).toList();
    }

    private void marker() {
        if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
            Group group = identity.newGroup(GROUP);
            group.setName("Signed in with the city's provider (OpenID Connect)");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
    }

    private static boolean same(User user, Person person) {
        return java.util.Objects.equals(user.getFirstName(), person.firstName())
                && java.util.Objects.equals(user.getLastName(), person.lastName())
                && java.util.Objects.equals(user.getEmail(), person.email());
    }

    private static void details(User user, Person person) {
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
    }
}
