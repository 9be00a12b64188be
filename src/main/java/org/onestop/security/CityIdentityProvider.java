package org.onestop.security;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The city's OpenID Connect provider as Spring Security's one client registration, {@value OidcProperties#REGISTRATION}.
 * Its endpoints (authorization, token, keys, user info, end-session) come from the provider's discovery document,
 * read at the first sign-in rather than at start-up: OneStop starts, and its built-in login works, while the provider
 * is away; a sign-in that finds it away fails and the next one tries again.
 */
final class CityIdentityProvider implements ClientRegistrationRepository {

    private final OidcProperties oidc;
    private volatile ClientRegistration registration;

    CityIdentityProvider(OidcProperties oidc) {
        this.oidc = oidc;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcProperties.REGISTRATION.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        boolean confidential = oidc.clientSecret() != null && !oidc.clientSecret().isEmpty();
        return ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(OidcProperties.REGISTRATION)
                .clientName(oidc.displayName())
                .clientId(oidc.clientId())
                .clientSecret(confidential ? oidc.clientSecret() : null)
                .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(oidc.scopes())
                .userNameAttributeName(oidc.usernameClaim())
                .build();
    }
}
