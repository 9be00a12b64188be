package org.onestop.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is out of reach, whatever a request was doing when it failed (a page, a login checked against
 * the identity service, the staff API) is answered 503 Service Unavailable with {@code Retry-After}: a problem
 * document for {@code /api} and {@code /engine-rest}, Open311's error document, a short page for everything else.
 * Outermost of OneStop's filters, so that it also sees what fails in Spring Security. The API's own error handlers
 * ({@link ApiErrors}, Open311's and {@code /engine-rest}'s) answer the same way for what fails in a controller.
 * It also marks the request's extent for {@link ConnectionWaits}: a request waits for the database once.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutage() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("onestop-database-outage");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ConnectionWaits.begin();
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseOutage.causes(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("Database out of reach: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
                response.reset();
                unavailable(request, response);
            } finally {
                ConnectionWaits.end();
            }
        }
    }

    /** The 503 answer, in the form the caller reads. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int seconds = DatabaseOutage.RETRY_AFTER_SECONDS;
        ShortAnswer.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, seconds,
                "the service is briefly unavailable; nothing was saved; try again in " + seconds + " seconds",
                "Briefly unavailable", "OneStop cannot reach its records at the moment, so nothing was saved. "
                        + "Please try again in " + seconds + " seconds.");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
