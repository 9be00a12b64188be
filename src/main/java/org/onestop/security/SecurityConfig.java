package org.onestop.security;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.onestop.places.MapProperties;
import org.onestop.web.FailedLogins;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what, before any controller runs. Everything needs a login except the login page, static assets,
 * health, the residents' pages (the front door at {@code /}, report, status, A–Z, statements, the public dashboard and
 * the open data) and Open311 (keyed by
 * api_key). The rest of the actuator (metrics) is for administrators and monitoring. Staff land on {@code /staff}
 * after the login.
 * The staff API and Camunda's REST API take HTTP Basic and keep no session, also with single sign-on on (workers and
 * integrations log in as built-in users); pages, Tasklist and Cockpit share one login: the form, the city's OpenID
 * Connect provider ({@link SingleSignOn}), or both. Camunda's own authorization check then applies inside the engine.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, FailedLogins failedLogins) throws Exception {
        AuthenticationEntryPoint unauthorized = basicLogin(failedLogins);
        return http
                // Explicit path matchers: /engine-rest is Camunda's Jersey servlet, not a Spring MVC endpoint.
                .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies are read here, so there is nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Actuator: health and its groups are public (the platform's probes call them); everything else, the Prometheus
     * scrape first of all, is for administrators and the {@code monitoring} group (a scrape user), by HTTP Basic with
     * no session; while the database is out of reach, a scrape user who logged in before still does
     * ({@link ScrapeLogins}). With {@code management.server.port} the actuator moves to its own port, under the same rules.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, FailedLogins failedLogins, CamundaIdentityAuthentication identity)
            throws Exception {
        AuthenticationEntryPoint unauthorized = basicLogin(failedLogins);
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                // The scrape goes on while the database is out of reach, for users who logged in before (ScrapeLogins).
                .authenticationManager(new ScrapeLogins(identity, Set.of("GROUP_" + IdentityBootstrap.ADMINS,
                        "GROUP_" + IdentityBootstrap.MONITORING)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority("GROUP_" + IdentityBootstrap.ADMINS, "GROUP_" + IdentityBootstrap.MONITORING))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** 401 with a problem document asking for HTTP Basic; credentials that did not log in count as a failed login. */
    private static AuthenticationEntryPoint basicLogin(FailedLogins failedLogins) {
        return (request, response, e) -> {
            // Credentials that did not log in (a request without any is no failed login): counted per address, so
            // that the address's next attempts are refused before the password check (FailedLogins).
            if (FailedLogins.hasBasicCredentials(request)) {
                failedLogins.failed(request);
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Basic realm=\"OneStop\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"log in with your OneStop user name and password (HTTP Basic)\"}");
        };
    }

    /**
     * Open311 GeoReport v2: public, keyed by {@code api_key} (checked by the API itself, with the specification's
     * error documents), no session and no cookies, so no CSRF token either.
     */
    @Bean
    @Order(3)
    SecurityFilterChain open311Security(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/open311/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageSecurity(HttpSecurity http, FailedLogins failedLogins, MapProperties map, SingleSignOn sso)
            throws Exception {
        AuthenticationFailureHandler loginFailed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        // Single sign-on with the city's provider, when configured: the same session as the form login, so our pages,
        // Tasklist and Cockpit follow it alike (README "Single sign-on with OpenID Connect").
        if (sso.provider().isPresent()) {
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .clientRegistrationRepository(sso.provider().get())
                    .userInfoEndpoint(info -> info.oidcUserService(sso.users()))
                    .defaultSuccessUrl("/staff", false)
                    .failureHandler(SingleSignOn::refused)
                    // A sign-in that cannot start (the provider away) goes back to the login page too, not to a 500.
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                        @Override
                        public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(SingleSignOn::refused);
                            return filter;
                        }
                    }));
        }
        if (sso.isFormLogin()) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", false).permitAll()
                    .failureHandler((request, response, e) -> {
                        failedLogins.failed(request);
                        loginFailed.onAuthenticationFailure(request, response, e);
                    }));
        }
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // Residents' self-service: no login (forms still carry a CSRF token).
                        .requestMatchers("/report/**", "/status/**", "/survey/**", "/notices/**").permitAll()
                        // The residents' front door, the public A–Z and answers, and the statements every footer links to.
                        .requestMatchers("/", "/a-z", "/a-z/**", "/privacy", "/accessibility").permitAll()
                        // The public dashboard and the open data: figures and records without personal data.
                        .requestMatchers("/dashboard", "/open-data/**").permitAll()
                        // Writing the knowledge base is for its editors; reading it is for the whole console.
                        .requestMatchers("/console/knowledge/new", "/console/knowledge/*/edit")
                                .hasAuthority("GROUP_" + IdentityBootstrap.KNOWLEDGE_EDITORS)
                        .requestMatchers(HttpMethod.POST, "/console/knowledge", "/console/knowledge/*")
                                .hasAuthority("GROUP_" + IdentityBootstrap.KNOWLEDGE_EDITORS)
                        // The console: the contact centre (knowledge editors work as agents), councillors' offices and
                        // administrators; what each may see there is the case-access policy's to say.
                        .requestMatchers("/console/**").hasAnyAuthority("GROUP_" + IdentityBootstrap.CONTACT_CENTRE,
                                "GROUP_" + IdentityBootstrap.KNOWLEDGE_EDITORS,
                                "GROUP_" + IdentityBootstrap.COUNCIL_OFFICE, "GROUP_" + IdentityBootstrap.ADMINS)
                        // Administration pages (Open311 API keys): administrators only.
                        .requestMatchers("/admin/**").hasAuthority("GROUP_" + IdentityBootstrap.ADMINS)
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(sso.logoutSuccess()).permitAll())
                // Camunda's webapps protect their own API with their own CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", pageContentSecurityPolicy(map)))))
                .build();
    }

    /**
     * Our own pages load scripts, styles and pictures from OneStop only and run no inline script: should anything ever
     * slip past the escaping, a browser still refuses to run it. (Camunda's webapps bring their own rules.)
     */
    static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * The same, with the city's tile server ({@code onestop.map.tile-url}) among the picture sources when one is
     * configured: the map's tiles are pictures, nothing else is loaded from it. Without one, 'self' only.
     */
    static String pageContentSecurityPolicy(MapProperties map) {
        String tiles = map.tileSource();
        return tiles == null ? PAGE_CONTENT_SECURITY_POLICY
                : PAGE_CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: " + tiles + ";");
    }

    /** Camunda's REST API runs as the user Spring Security authenticated, so Camunda's authorizations apply. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityUser.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Tasklist and Cockpit take the user from the OneStop login: one login for everything. */
    @Bean
    FilterRegistrationBean<Filter> webappSingleSignOn() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-sso");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityUser.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
