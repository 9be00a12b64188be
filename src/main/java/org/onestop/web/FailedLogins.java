package org.onestop.web;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, whatever the door: HTTP Basic on {@code /api} and {@code /engine-rest}, and the
 * login form. Security counts each failure ({@link #failed}); an address over its limit
 * ({@code onestop.rate-limit.failed-logins-per-address} per window) gets 429 with Retry-After before its password is
 * checked ({@link FailedLoginFilter}), so a stranger's burst of guesses never reaches the identity service, whose per-user delay would otherwise
 * lock the named user out. Logins that succeed are not counted: an API client may make many requests a minute.
 */
@Component
public class FailedLogins {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;

    FailedLogins(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    /** Counts a failed login by this request's client. */
    public void failed(HttpServletRequest request) {
        if (properties.isEnabled()) {
            limiter.acquire(client(request), properties.getFailedLoginsPerAddress());
        }
    }

    /** Whether this request's client is over its limit: the seconds until it may try again, or empty. */
    OptionalLong refused(HttpServletRequest request) {
        return properties.isEnabled() ? limiter.exceeded(client(request), properties.getFailedLoginsPerAddress())
                : OptionalLong.empty();
    }

    private static String client(HttpServletRequest request) {
        return "failed-login|address|" + request.getRemoteAddr();
    }

    /** True if the request carries HTTP Basic credentials. */
    public static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
