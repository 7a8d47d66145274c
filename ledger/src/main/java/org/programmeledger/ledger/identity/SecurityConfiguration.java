package org.programmeledger.ledger.identity;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.web.ProblemResponses;
import org.programmeledger.ledger.web.SimpleRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * HTTP Basic over a stateless API, with failed sign-ins throttled and successful ones remembered briefly
 * ({@link SignInChecks}), and Spring Security's CSRF token for what a browser's page can send unasked. The
 * secretariat records; approvers approve submissions (see {@link PublicationPolicy}); auditors read history and
 * verify; every role reads the current state and the outputs. Refusals are RFC 9457 problem documents.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, PublicationPolicy publication, UserDetailsService users,
                            PasswordEncoder encoder, SecuritySettings settings, Clock clock, MeterRegistry meters,
                            ProblemResponses problems)
            throws Exception {
        String[] approvingRoles = publication.approvingRoles().stream().map(LedgerRole::name).toArray(String[]::new);
        return http
                // A browser sends the HTTP Basic credentials it keeps with any request, so the header proves
                // nothing here: what a page of any origin can send without a CORS preflight (a form, a bodyless
                // or text/plain POST) needs the token; JSON and CSV cannot come from another origin (the server
                // answers no preflight) and need none, so the command line and curl carry none.
                // CrossSiteRequestGuard refuses, before this, what Fetch Metadata says another origin started.
                // HTTP Basic signs in on every request: renewing the token at each sign-in, as after a form
                // login, would clear the cookie with every stylesheet a page loads.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SimpleRequests::changeWithoutPreflight)
                        .csrfTokenRepository(tokenCookie())
                        .csrfTokenRequestHandler(new FormOrHeaderToken())
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .authenticationManager(new ProviderManager(
                        new SignInChecks(users, encoder, settings.signIn(), clock, meters)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof SignInLocked locked) {
                        response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
                        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                                "Too many failed sign-ins; retry in " + locked.retryAfterSeconds() + " s.");
                        return;
                    }
                    // The challenge makes a browser ask for the user name and password of the dashboard's pages.
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Programme Ledger\", charset=\"UTF-8\"");
                    problems.write(request, response, HttpStatus.UNAUTHORIZED,
                            "Sign in with a user name and password.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        LOG.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                                request.getRemoteAddr(), e.getMessage());
                        problems.write(request, response, HttpStatus.FORBIDDEN, "This form is out of date or not "
                                + "one of the ledger's pages: reload the page and try again.");
                        return;
                    }
                    problems.write(request, response, HttpStatus.FORBIDDEN, "Your role may not do this.");
                }))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/audit/**").hasRole(LedgerRole.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/plan-periods/*/approval", "/api/plan-periods/*/return")
                        .hasAnyRole(approvingRoles)
                        .requestMatchers("/api/**").hasRole(LedgerRole.SECRETARIAT.name())
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * The token in a cookie, not a session (the server keeps none), readable by the ledger's own scripts. Lax,
     * as the language cookie: another site's POST does not carry it; another port of the same host is the same
     * site to a cookie, which Fetch Metadata (CrossSiteRequestGuard) tells apart.
     */
    private static CookieCsrfTokenRepository tokenCookie() {
        CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookie.setCookieCustomizer(attributes -> attributes.sameSite("Lax"));
        return cookie;
    }

    /**
     * Spring Security's observations are off (application.yml), but it still wrapped each filter in two no-op
     * observations: 1.6% of an API request thread (BENCHMARKS.md, round 8). Without this bean it wraps nothing.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The configured users, as configured: a plain UserDetailsService, so that Spring Security does not
     * re-hash a password it considers weak behind the configuration's back.
     */
    @Bean
    UserDetailsService users(SecuritySettings settings) {
        List<UserDetails> users = settings.users().stream()
                .map(user -> User.withUsername(user.name()).password(user.passwordHash())
                        .roles(user.role().name()).build())
                .toList();
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }
}
