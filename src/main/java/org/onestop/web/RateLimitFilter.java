package org.onestop.web;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

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
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers 429 Too Many Requests, with Retry-After, to a client over its limit on the public endpoints
 * ({@code onestop.rate-limit.paths}): per client address, and under {@code /open311} also per {@code api_key}.
 * Open311 gets the specification's error document, the residents' pages a short page. Runs before security, so a
 * flood is turned away before it costs a login check or a database query.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> rateLimit(RateLimiter limiter, RateLimitProperties properties,
                                                           ApplicationEventPublisher events) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(limiter, properties, events));
        registration.setName("onestop-rate-limit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final RateLimiter limiter;
        private final RateLimitProperties properties;
        private final ApplicationEventPublisher events;

        Filter(RateLimiter limiter, RateLimitProperties properties, ApplicationEventPublisher events) {
            this.limiter = limiter;
            this.properties = properties;
            this.events = events;
        }

        private String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            if (!properties.isEnabled()) {
                return true;
            }
            PathContainer path = PathContainer.parsePath(path(request));
            return properties.getPaths().stream().map(PathPatternParser.defaultInstance::parse)
                    .noneMatch((PathPattern pattern) -> pattern.matches(path));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean post = !READS.contains(request.getMethod().toUpperCase(Locale.ROOT));
            String kind = post ? "post" : "get";
            OptionalLong retryAfter = limiter.acquire(kind + "|address|" + request.getRemoteAddr(),
                    post ? properties.getPostsPerAddress() : properties.getGetsPerAddress());
            String limit = post ? RateLimitRejected.POSTS_PER_ADDRESS : RateLimitRejected.GETS_PER_ADDRESS;
            String path = path(request);
            boolean open311 = path.startsWith("/open311/");
            if (retryAfter.isEmpty() && open311) {
                String key = request.getParameter("api_key");
                if (key != null && !key.isBlank()) {
                    String client = key.strip();
                    retryAfter = limiter.acquire(kind + "|key|" + (client.length() > 100 ? client.substring(0, 100) : client),
                            post ? properties.getPostsPerKey() : properties.getGetsPerKey());
                    limit = post ? RateLimitRejected.POSTS_PER_KEY : RateLimitRejected.GETS_PER_KEY;
                }
            }
            if (retryAfter.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            events.publishEvent(new RateLimitRejected(limit));
            long seconds = retryAfter.getAsLong();
            ShortAnswer.write(request, response, HttpStatus.TOO_MANY_REQUESTS, seconds,
                    "too many requests from this client; try again in " + seconds + " seconds", PLEASE_WAIT, pleaseWait(seconds));
        }

        static final String PLEASE_WAIT = "Please wait a moment";

        static String pleaseWait(long seconds) {
            return "We have had a lot of requests from your connection in the last minute. Please try again in "
                    + seconds + " seconds.";
        }
    }
}
