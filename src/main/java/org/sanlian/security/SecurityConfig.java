package org.sanlian.security;

import org.camunda.bpm.engine.IdentityService;
import org.sanlian.organisation.EnforcementNetworks;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two filter chains. The APIs (/engine-rest, /api) need HTTP Basic credentials of a Camunda user: none →
 * 401, not allowed → 403, both as Problem Details. Everything else — the Camunda webapps with their own
 * session login and CSRF protection, the health probe, the OpenAPI UI — passes through untouched.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /** Case numbers and names sit in our URLs: other sites see at most our origin. */
    private static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
            IdentityService identityService, PlatformTransactionManager transactions, EnforcementNetworks networks)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // the webapp session /api/supervision accepts keeps its id: Cockpit's parallel calls use it
                        .sessionFixation(fixation -> fixation.none()))
                // stateless Basic-auth API: no cookie session to forge requests with
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
                // Cockpit's 案件监督 plugin, the evidence, documents and case-list pages call /api with the webapp
                // session (CSRF-checked writes): one sign-on for Tasklist and the pages it links to, and Tasklist's
                // due-date line reads the working-day calendar with it (issue 13)
                .addFilterBefore(
                        new WebappSessionAuthentication(identityService, path("/api/**"), problems, transactions,
                                networks),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new CamundaAuthenticationBridge(identityService, transactions),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappsAndDocs(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .requestMatchers(path("/actuator/**")).denyAll()
                        .anyRequest().permitAll())
                // the Camunda webapps run their own CSRF filter and session login
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)));
        return http.build();
    }

    /**
     * Login throttling ahead of every password check (HTTP Basic and the webapps' login form); it runs before
     * Spring Security's filters (order -100) so that it sees their 401.
     */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, LoginAudit audit) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, audit));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Matches the whole path, whichever servlet (Spring MVC, Jersey, the webapps) serves it. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
