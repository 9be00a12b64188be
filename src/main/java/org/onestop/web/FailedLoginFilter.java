package org.onestop.web;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 Too Many Requests, with Retry-After, to a login from a client address over its limit of failed logins
 * ({@link FailedLogins}) before the password is checked: an RFC 9457 problem for {@code /api} and {@code /engine-rest},
 * the short "please wait" page for the login form.
 */
@Configuration(proxyBeanMethods = false)
class FailedLoginFilter {

    /** Right after the request limits and before Spring Security, which would check the password. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> failedLoginLimit(FailedLogins failedLogins, ApplicationEventPublisher events) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(failedLogins, events));
        registration.setName("onestop-failed-login-limit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final FailedLogins failedLogins;
        private final ApplicationEventPublisher events;

        Filter(FailedLogins failedLogins, ApplicationEventPublisher events) {
            this.failedLogins = failedLogins;
            this.events = events;
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

        /** Only requests that carry a password: Basic credentials for the APIs, the login form's POST. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = path(request);
            return !(ShortAnswer.api(path) && FailedLogins.hasBasicCredentials(request)
                    || path.equals("/login") && "POST".equals(request.getMethod().toUpperCase(Locale.ROOT)));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            OptionalLong retryAfter = failedLogins.refused(request);
            if (retryAfter.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            events.publishEvent(new RateLimitRejected(RateLimitRejected.FAILED_LOGINS_PER_ADDRESS));
            long seconds = retryAfter.getAsLong();
            ShortAnswer.write(request, response, HttpStatus.TOO_MANY_REQUESTS, seconds,
                    "too many failed logins from this address; try again in " + seconds + " seconds",
                    RateLimitFilter.Filter.PLEASE_WAIT, RateLimitFilter.Filter.pleaseWait(seconds));
        }
    }
}
