package org.onestop.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with the city's OpenID Connect provider ({@code onestop.oidc.*}): off unless {@code enabled}. Checked
 * at start-up: with it on, the issuer and the client id are required, and no claim value may give Camunda's admin group
 * unless {@code admin-mapping-allowed} says so.
 *
 * @param enabled              whether staff may sign in with the provider ("Sign in with …" on the login page)
 * @param issuerUri            the provider's issuer; its {@code /.well-known/openid-configuration} is read at the first
 *                             sign-in (not at start-up, so OneStop starts while the provider is away)
 * @param clientId             OneStop's client id at the provider
 * @param clientSecret         its secret (empty for a public client, which is not recommended)
 * @param scopes               the scopes asked for
 * @param usernameClaim        the claim whose value is the OneStop (Camunda) user id
 * @param stripDomain          take the user id up to the {@code @} when the claim is an e-mail-like name
 * @param groupsClaim          the claim listing the user's groups at the provider (a list, or a string with
 *                             commas or spaces between them)
 * @param groups               provider group (claim value) to the OneStop groups it gives
 * @param adminMappingAllowed  whether a claim value may give {@code camunda-admin}
 * @param formLogin            whether the built-in user name and password login stays on the login page
 * @param displayName          the provider's name on the login page's button
 */
@ConfigurationProperties("onestop.oidc")
record OidcProperties(@DefaultValue("false") boolean enabled, String issuerUri, String clientId, String clientSecret,
                      @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                      @DefaultValue("preferred_username") String usernameClaim,
                      @DefaultValue("true") boolean stripDomain,
                      @DefaultValue("groups") String groupsClaim,
                      Map<String, List<String>> groups,
                      @DefaultValue("false") boolean adminMappingAllowed,
                      @DefaultValue("true") boolean formLogin,
                      @DefaultValue("the city's directory") String displayName) {

    /** The registration id: the redirect URI is {@code {base}/login/oauth2/code/city}. */
    static final String REGISTRATION = "city";

    OidcProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        if (enabled) {
            if (issuerUri == null || issuerUri.isBlank()) {
                throw new IllegalArgumentException("onestop.oidc.issuer-uri is required with onestop.oidc.enabled=true");
            }
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("onestop.oidc.client-id is required with onestop.oidc.enabled=true");
            }
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("onestop.oidc.scopes must contain openid");
            }
        }
        if (!adminMappingAllowed) {
            groups.forEach((claim, onestop) -> {
                if (onestop.contains(IdentityBootstrap.ADMINS)) {
                    throw new IllegalArgumentException("onestop.oidc.groups." + claim + " gives " + IdentityBootstrap.ADMINS
                            + ": set onestop.oidc.admin-mapping-allowed=true if the provider's group is really meant to administer OneStop");
                }
            });
        }
    }

    /** The OneStop groups the provider's groups give, in the mapping's order, without repeats. */
    List<String> mapped(java.util.Collection<String> providerGroups) {
        return providerGroups.stream().map(groups::get).filter(java.util.Objects::nonNull).flatMap(List::stream)
                .distinct().toList();
    }

    /** Without the secret, so that no log or failure message shows it. */
    @Override
    public String toString() {
        return "OidcProperties[enabled=" + enabled + ", issuerUri=" + issuerUri + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "" : "***") + ", groups=" + groups + "]";
    }
}
