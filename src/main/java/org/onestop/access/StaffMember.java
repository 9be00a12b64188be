package org.onestop.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is asking: a logged-in user's id and Camunda groups (Spring Security authorities {@code GROUP_<id>}).
 * The access policy decides on this alone, so every entry point (API, pages, console, reports) asks the same way.
 */
public record StaffMember(String userId, Set<String> groups) {

    static final String GROUP_PREFIX = "GROUP_";

    public StaffMember {
        groups = Set.copyOf(groups);
    }

    /** The user of a request; someone who is not logged in is a member of no group. */
    public static StaffMember of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return new StaffMember("", Set.of());
        }
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new StaffMember(authentication.getName(), groups);
    }

    public boolean in(String group) {
        return groups.contains(group);
    }
}
