package io.stockroom.support.actuator;

import io.stockroom.support.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The actuator endpoints of every service, ahead of the service's own security: {@code /actuator/health} (and its
 * {@code liveness} and {@code readiness} groups) stay open for orchestrators but show only the status to anonymous
 * callers ({@code management.endpoint.health.show-details=when-authorized}); details, metrics, Prometheus and
 * everything else need the {@link ActuatorAccount} over HTTP Basic (role {@code ACTUATOR}). Stateless, no CSRF (no
 * cookies), problem JSON for 401/403/429.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, EndpointRequest.class})
public class ActuatorSecurityAutoConfiguration {

    /** Before any chain of the service (theirs are ordered 1 and up, or unordered). */
    public static final int CHAIN_ORDER = 0;
    private static final Logger log = LoggerFactory.getLogger(ActuatorSecurityAutoConfiguration.class);
    private static final int FAILURES_PER_ADDRESS_MAX = 20;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, ActuatorAccount account) throws Exception {
        if (!account.configured()) {
            log.info("No actuator account (STOCKROOM_ACTUATOR_USERNAME/PASSWORD): actuator health shows only its "
                    + "status, and metrics and the other endpoints are closed");
        }
        AuthenticationManager manager = new ProviderManager(new ActuatorAuthenticationProvider(account,
                FAILURES_PER_ADDRESS_MAX, FAILURE_WINDOW, Clock.systemUTC()));
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole(ActuatorAccount.ROLE))
                .httpBasic(basic -> basic.realmName("stockroom-actuator")
                        .authenticationEntryPoint(ActuatorSecurityAutoConfiguration::unauthenticated))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ActuatorSecurityAutoConfiguration::unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> ErrorResponses.write(response, 403,
                                "Only the actuator account may read this.", request.getRequestURI(), null)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * A service with no users of its own (the consumers) gets an empty user store, so Spring Boot neither generates
     * nor logs a password for them.
     */
    @Bean
    @ConditionalOnMissingBean({UserDetailsService.class, AuthenticationManager.class, AuthenticationProvider.class})
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        if (failure instanceof ActuatorThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            ErrorResponses.write(response, 429, throttled.getMessage() + "; try again later.",
                    request.getRequestURI(), null);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"stockroom-actuator\"");
        ErrorResponses.write(response, 401, "Sign in with the actuator account (STOCKROOM_ACTUATOR_USERNAME).",
                request.getRequestURI(), null);
    }
}
