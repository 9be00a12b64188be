package org.onestop.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The login page's view of single sign-on ({@code ${@singleSignOn…}} in {@code login.html}) and the pieces the page
 * filter chain takes from it: the city's provider, who signs in with it, where a refused sign-in and a logout go.
 */
@Component("singleSignOn")
public class SingleSignOn {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SingleSignOn.class);

    private final OidcProperties oidc;
    private final CityIdentityProvider provider;
    private final OidcUserMirror mirror;

    SingleSignOn(OidcProperties oidc, OidcUserMirror mirror) {
        this.oidc = oidc;
        this.mirror = mirror;
        this.provider = oidc.enabled() ? new CityIdentityProvider(oidc) : null;
    }

    /** Whether the login page offers "Sign in with …". */
    public boolean isEnabled() {
        return oidc.enabled();
    }

    /** Whether the login page keeps the built-in user name and password. */
    public boolean isFormLogin() {
        return !oidc.enabled() || oidc.formLogin();
    }

    public String getDisplayName() {
        return oidc.displayName();
    }

    Optional<CityIdentityProvider> provider() {
        return Optional.ofNullable(provider);
    }

    OidcUsers users() {
        return new OidcUsers(oidc, mirror);
    }

    /** A refused sign-in: back to the login page, with the reason ({@code ssoerror=groups|taken|name}, else generic). */
    static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws java.io.IOException {
        String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        String reason = switch (code) {
            case "groups", "taken", "name" -> code;
            default -> "provider";
        };
        log.warn("Single sign-on refused ({}): {}", code, e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?ssoerror=" + reason);
    }

    /**
     * After OneStop's logout: a user who signed in with the provider is sent to its end-session endpoint when it has
     * one (RP-initiated logout), which sends them back to the login page; everyone else goes to the login page.
     */
    LogoutSuccessHandler logoutSuccess() {
        if (provider == null) {
            SimpleUrlLogoutSuccessHandler plain = new SimpleUrlLogoutSuccessHandler();
            plain.setDefaultTargetUrl("/login?logout");
            return plain;
        }
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(provider);
        handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }
}
