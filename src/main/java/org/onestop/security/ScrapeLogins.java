package org.onestop.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.onestop.web.DatabaseOutage;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The actuator's logins (the Prometheus scrape), checked against Camunda's identity service like every other, with one
 * difference: while the database is out of reach, a user who may scrape and logged in before still gets in with the
 * same password, so that the scrape goes on showing the last counts (and their growing age) instead of a 503 exactly
 * when they matter. Only then: while the database answers, every login is checked there (a changed password or a
 * removed membership counts at once). Only in this node's memory: each user's last good password as an HMAC under a
 * key made at start and never stored, with the groups it had.
 */
final class ScrapeLogins implements AuthenticationManager {

    private final AuthenticationProvider identity;
    private final Set<String> mayScrape;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    private record Remembered(byte[] password, Collection<? extends GrantedAuthority> authorities) {
    }

    /** @param mayScrape the authorities that may use the actuator ({@code GROUP_<id>}) */
    ScrapeLogins(AuthenticationProvider identity, Set<String> mayScrape) {
        this.identity = identity;
        this.mayScrape = Set.copyOf(mayScrape);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String username = login.getName();
        byte[] password = login.getCredentials() == null ? null : digest(login.getCredentials().toString());
        try {
            Authentication result = identity.authenticate(login);
            if (password != null && result.getAuthorities().stream().anyMatch(a -> mayScrape.contains(a.getAuthority()))) {
                remembered.put(username, new Remembered(password, List.copyOf(result.getAuthorities())));
            } else {
                remembered.remove(username);
            }
            return result;
        } catch (BadCredentialsException wrong) {
            // The remembered password is no longer the user's (changed): forget it. Another wrong one changes nothing.
            remembered.computeIfPresent(username, (name, last) -> password != null && MessageDigest.isEqual(last.password(), password) ? null : last);
            throw wrong;
        } catch (RuntimeException failure) {
            Remembered last = remembered.get(username);
            if (DatabaseOutage.causes(failure) && last != null && password != null && MessageDigest.isEqual(last.password(), password)) {
                return UsernamePasswordAuthenticationToken.authenticated(username, null, last.authorities());
            }
            throw failure;
        }
    }

    private byte[] digest(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
