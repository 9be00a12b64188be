package org.onestop.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who signed in with the city's provider, as OneStop sees them: the ID token (and user info) checked by Spring
 * Security's {@link OidcUserService}, the user id taken from {@code onestop.oidc.username-claim}, the provider's groups
 * from {@code onestop.oidc.groups-claim} mapped to OneStop's groups, and the user mirrored into Camunda
 * ({@link OidcUserMirror}). Their authorities are then {@code GROUP_<id>} for each Camunda group they are in, as for a
 * built-in user, so the access policy, the engine's authorizations, Tasklist and Cockpit treat both alike. Refused,
 * with a reason the login page shows: a user id Camunda cannot take, a built-in user's name, no mapped group.
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Camunda's user ids here (its {@code generalResourceWhitelistPattern}). */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");

    private final OidcUserService provider = new OidcUserService();
    private final OidcProperties oidc;
    private final OidcUserMirror mirror;
    private final Set<String> managed;

    OidcUsers(OidcProperties oidc, OidcUserMirror mirror) {
        this.oidc = oidc;
        this.mirror = mirror;
        this.managed = oidc.groups().values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = provider.loadUser(request);
        String id = userId(user.getClaimAsString(oidc.usernameClaim()));
        List<String> mapped = oidc.mapped(providerGroups(user.getClaims().get(oidc.groupsClaim())));
        List<String> groups;
        try {
            groups = mirror.mirror(new OidcUserMirror.Person(id, user.getGivenName() != null ? user.getGivenName() : user.getFullName(),
                    user.getFamilyName(), user.getEmail()), mapped, managed);
        } catch (OidcUserMirror.Refused refused) {
            throw refuse(refused.code, refused.getMessage());
        }
        if (groups.isEmpty()) {
            throw refuse("groups", "'" + id + "' has no group that the mapping gives");
        }
        List<SimpleGrantedAuthority> authorities = groups.stream()
                .map(g -> new SimpleGrantedAuthority(CamundaIdentityAuthentication.GROUP_PREFIX + g)).toList();
        return new OneStopOidcUser(authorities, user, oidc.usernameClaim(), id);
    }

    private String userId(String claim) {
        String id = claim == null ? "" : claim.strip();
        if (oidc.stripDomain() && id.indexOf('@') > 0) {
            id = id.substring(0, id.indexOf('@'));
        }
        if (!USER_ID.matcher(id).matches()) {
            throw refuse("name", "the claim " + oidc.usernameClaim() + " gives no user id OneStop can take: '" + claim + "'");
        }
        return id;
    }

    /** A list claim, or one string with the groups between commas or spaces. */
    static Collection<String> providerGroups(Object claim) {
        Set<String> groups = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.stream().filter(java.util.Objects::nonNull).map(Object::toString).forEach(groups::add);
        } else if (claim instanceof String text) {
            Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).forEach(groups::add);
        }
        return groups;
    }

    private static OAuth2AuthenticationException refuse(String code, String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }

    /** The provider's user under their OneStop user id (the name Spring Security, the pages and Camunda use). */
    static final class OneStopOidcUser extends DefaultOidcUser {
        private final String userId;

        OneStopOidcUser(Collection<SimpleGrantedAuthority> authorities, OidcUser user, String nameClaim, String userId) {
            super(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
            this.userId = userId;
        }

        @Override
        public String getName() {
            return userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OneStopOidcUser that && super.equals(that) && userId.equals(that.userId);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + userId.hashCode();
        }
    }
}
