package org.convene.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.convene.accounts.AuditLog;

/**
 * Two filter chains: the REST API (stateless, token-authenticated, problem responses) and the web
 * pages (session, form login, CSRF). Which role may call an endpoint is declared on the endpoint
 * itself ({@code @PreAuthorize} or {@code @PermitAll}); a test fails for any endpoint that does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The policy with the image origins other modules declare (e.g. a map's tile server) added to img-src. */
    static String contentSecurityPolicy(java.util.List<String> imageOrigins) {
        if (imageOrigins.isEmpty()) {
            return CONTENT_SECURITY_POLICY;
        }
        return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: " + String.join(" ", imageOrigins) + ";");
    }

    /** Argon2id with the OWASP ASVS 5 minimum: 19 MiB of memory, 2 iterations, parallelism 1. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (req, res, ex) ->
                problem(res, 401, "Unauthorized", "Authentication is required: send a personal API token as a Bearer token.");
        http.securityMatcher("/api/v1/**")
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden", "Your account may not do this.")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Where a signed-in session keeps its login: the session (for later requests) and the request (for this one). */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SecurityContextRepository contexts, LoginFlow loginFlow, LoginThrottle throttle,
                            AuditLog audit, AccountsProperties properties, TwoFactor twoFactor,
                            org.springframework.beans.factory.ObjectProvider<org.convene.accounts.ImageSources> imageSources) throws Exception {
        String policy = contentSecurityPolicy(imageSources.orderedStream().flatMap(s -> s.imageOrigins().stream()).distinct().toList());
        http.securityContext(c -> c.securityContextRepository(contexts))
                .addFilterBefore(new LoginRequestFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionRulesFilter(properties, twoFactor), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**", "/account/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("NETWORK_ADMIN")
                        .anyRequest().permitAll())
                // RFC 8058 one-click unsubscribe: a mail client POSTs to the link in List-Unsubscribe with no
                // session and no token; the signed token in the path is the authority. Only this path, only POST.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/newsletter/unsubscribe/*")))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .securityContextRepository(contexts)
                        .successHandler(loginFlow).failureHandler(loginFlow).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?loggedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(self), geolocation=(), microphone=()")));
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
