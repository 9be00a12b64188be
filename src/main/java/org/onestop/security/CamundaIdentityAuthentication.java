package org.onestop.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security checks passwords against Camunda's identity service: one user store for OneStop's pages, the API,
 * {@code /engine-rest} and the Camunda webapps. A user's Camunda groups become authorities {@code GROUP_<id>}. Users
 * who sign in with the city's OpenID Connect provider ({@link OidcUsers}) are refused here.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;

    CamundaIdentityAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || username.length() > 64 || credentials == null
                || !passwordMatches(username, credentials.toString())
                // Who signs in with the city's provider never logs in with a password (one they set in Camunda
                // Admin's profile would outlive their account at the provider).
                || identityService.createUserQuery().userId(username).memberOfGroup(OidcUserMirror.GROUP).count() > 0) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    /**
     * The identity service refuses a user for a few seconds after a wrong password (and throws while it does): to the
     * caller that is a wrong password like any other, so that a stranger learns nothing about the user.
     */
    private boolean passwordMatches(String username, String password) {
        try {
            return identityService.checkPassword(username, password);
        } catch (org.camunda.bpm.engine.AuthenticationException locked) {
            return false;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
