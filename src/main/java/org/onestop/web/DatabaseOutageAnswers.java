package org.onestop.web;

import java.io.IOException;
import java.util.List;

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
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While the database is out of reach, whatever a request was doing when it failed (a page, the staff API, Open311, a
 * login checked against the identity service) is answered 503 Service Unavailable with {@code Retry-After}: a
 * problem document under {@code /api} and {@code /engine-rest}, Open311's error document under {@code /open311}, a
 * short page everywhere else (written without the database).
 * <ul>
 * <li>In Spring MVC, a resolver ahead of all others: the controllers' own handlers would answer 500, and Spring's
 * default resolver takes MariaDB's "Connection reset by peer" for a client that hung up and answers an empty 200.</li>
 * <li>Outermost of OneStop's filters, for what fails outside Spring MVC (Spring Security's login, Camunda's filters).
 * It also marks each request's extent for {@link ConnectionWaits}: a request waits for the database once.</li>
 * </ul>
 * Camunda's REST API answers the same from its own error mapper (engine/EngineRestErrors).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageAnswers implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswers.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutage() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("onestop-database-outage");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, (request, response, handler, e) -> {
            if (!DatabaseOutage.causes(e) || response.isCommitted()) {
                return null;
            }
            try {
                answer(request, response, e);
            } catch (IOException gone) {
                return null;
            }
            return new ModelAndView();
        });
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
                answer(request, response, e);
            } finally {
                ConnectionWaits.end();
            }
        }
    }

    /** The 503 answer, in the form the caller reads. */
    private static void answer(HttpServletRequest request, HttpServletResponse response, Throwable e) throws IOException {
        log.warn("Database out of reach: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
        response.reset();
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
