package io.stockroom.health.monitoring.adapter.in.web;

import io.stockroom.health.config.HealthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may read what. The page and its JSON API need the viewer account
 * ({@code STOCKROOM_HEALTH_USERNAME}/{@code STOCKROOM_HEALTH_PASSWORD}) over HTTP Basic, which browsers, scripts and
 * EventSource all handle; sessions are not created. The actuator endpoints are not this chain's: service-support's
 * actuator security comes first (bare health status for anyone, details and metrics for the actuator account). Without
 * a viewer account the service starts only in the {@code dev} profile, with open read access, and says so loudly.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String ROLE = "HEALTH_VIEWER";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain healthSecurity(HttpSecurity http, HealthProperties properties, Environment environment)
            throws Exception {
        boolean open = !properties.viewer().configured();
        if (open && !environment.matchesProfiles("dev")) {
            throw new IllegalStateException("Set STOCKROOM_HEALTH_USERNAME and STOCKROOM_HEALTH_PASSWORD: read "
                    + "access to the health page is open only in the dev profile");
        }
        if (open) {
            log.warn("DEV PROFILE: the health page and API are open to anyone who can reach this port");
        }
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/assets/**", "/favicon.ico", "/error").permitAll();
                    if (open) {
                        requests.anyRequest().permitAll();
                    } else {
                        requests.anyRequest().hasRole(ROLE);
                    }
                })
                .httpBasic(basic -> basic.realmName(SignInRequired.REALM)
                        .authenticationEntryPoint(new SignInRequired()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInRequired()))
                .formLogin(form -> form.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /** The single viewer; an empty manager otherwise, so Spring Boot never generates and logs a password. */
    @Bean
    UserDetailsService viewers(HealthProperties properties) {
        if (!properties.viewer().configured()) {
            return new InMemoryUserDetailsManager();
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = properties.viewer().password();
        // An already-hashed value ({bcrypt}..., {argon2}...) is taken as is; a plain one is hashed in memory.
        String hash = password.startsWith("{") ? password : encoder.encode(password);
        return new InMemoryUserDetailsManager(User.withUsername(properties.viewer().username()).password(hash)
                .roles(ROLE).build());
    }
}
