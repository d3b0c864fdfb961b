package io.stockroom.producer.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.producer.account.application.AccountStatusCache;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.api.ProblemResponses;
import io.stockroom.producer.common.KeyedRateLimiter;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.producer.shared.MongoBuckets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Two filter chains. {@code /api/**} is for scripts: stateless HTTP Basic, no session and so no CSRF, problem-JSON
 * 401/403/429. Everything else is the browser UI: form login, a session with fixation protection, CSRF on every form,
 * role rules. Both authenticate through one manager with the failed-login throttle in front. The actuator endpoints
 * are neither's: service-support's actuator chain comes first (bare health for anyone, the rest for the actuator
 * account), the same on every service.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    /** Argon2id for new hashes, bcrypt still verified and upgraded at login (see PasswordHashing, ADR 0006). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    @Bean
    MongoUserDetailsService userDetailsService(Accounts accounts) {
        return new MongoUserDetailsService(accounts);
    }

    @Bean
    LoginThrottle loginThrottle(ProducerProperties properties, MongoBuckets buckets, Accounts accounts, Clock clock) {
        ProducerProperties.Login login = properties.login();
        // Counted in MongoDB: five wrong passwords lock an account whichever instances they were sent to.
        return new LoginThrottle(
                new KeyedRateLimiter("login-account", login.accountFailuresMax(), login.window(), buckets),
                new KeyedRateLimiter("login-address", login.addressFailuresMax(), login.window(), buckets),
                accounts::lockUntil, clock);
    }

    /** How long a verified password is trusted without a new hash check (see VerifiedCredentialsCache). */
    private static final Duration VERIFIED_CREDENTIALS_TTL = Duration.ofSeconds(60);

    @Bean
    AuthenticationManager authenticationManager(MongoUserDetailsService users, PasswordEncoder encoder,
                                                 LoginThrottle throttle, MeterRegistry meters) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // A successful login with an older hash (bcrypt) stores it again as Argon2id.
        passwords.setUserDetailsPasswordService(users);
        ProviderManager manager = new ProviderManager(loginChain(passwords, throttle, meters, VERIFIED_CREDENTIALS_TTL,
                Ticker.systemTicker()));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * The throttle comes first, then the cache of verified credentials, then the password check. A locked account or
     * address is refused before anything else, even with a password verified seconds ago (docs/API.md: "even with
     * the right password"); the cache only saves the hash of a login the throttle lets through.
     */
    static AuthenticationProvider loginChain(AuthenticationProvider passwords, LoginThrottle throttle,
                                             MeterRegistry meters, Duration verifiedTtl, Ticker ticker) {
        return new ThrottledAuthenticationProvider(new VerifiedCredentialsCache(passwords, verifiedTtl, ticker),
                throttle, meters);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager manager, ProblemResponses problems,
                                 AccountStatusCache accounts) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .addFilterBefore(new AccountStatusFilter(accounts, (request, response, lockedFor) -> {
                    if (lockedFor.isZero()) {
                        problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                "This account is disabled.", request.getRequestURI());
                    } else {
                        LoginThrottledException locked = new LoginThrottledException(lockedFor);
                        response.setHeader("Retry-After", Long.toString(Math.max(1, lockedFor.toSeconds())));
                        problems.write(response, 429, "Too Many Requests", locked.getMessage(),
                                request.getRequestURI());
                    }
                }), AuthorizationFilter.class)
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        // The async dispatch that ends a live stream continues a request authorised at its start;
                        // checked again without the Basic header's authentication, it was denied after the
                        // response was committed: an ERROR and a stack trace in the log for every stream that ended.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/accounts").permitAll()
                        .requestMatchers("/api/accounts/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/items/*/movements", "/api/stock/alerts",
                                "/api/commands/stream").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/items", "/api/items/*", "/api/locations",
                                "/api/commands/*").authenticated()
                        .requestMatchers("/api/items/**", "/api/locations/**", "/api/stock/**", "/api/imports/**",
                                "/api/admin/**", "/api/orders/*/fulfil").hasRole("ADMIN")
                        .requestMatchers("/api/orders", "/api/orders/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("stockroom")
                        .authenticationEntryPoint((request, response, failure) ->
                                unauthenticated(problems, request, response, failure)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) ->
                                unauthenticated(problems, request, response, failure))
                        .accessDeniedHandler((request, response, denied) -> problems.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                "Your role does not allow this operation.", request.getRequestURI())))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static void unauthenticated(ProblemResponses problems, HttpServletRequest request,
                                        HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            problems.write(response, 429, "Too Many Requests", throttled.getMessage(), request.getRequestURI());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"stockroom\"");
        problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "Sign in with HTTP Basic credentials of a Stockroom account.", request.getRequestURI());
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager manager, AccountStatusCache accounts)
            throws Exception {
        http.authenticationManager(manager)
                .addFilterBefore(new AccountStatusFilter(accounts, (request, response, lockedFor) ->
                        response.sendRedirect(request.getContextPath()
                                + (lockedFor.isZero() ? "/login?disabled" : "/login?locked"))),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/login", "/register", "/error", "/error/**", "/css/**", "/js/**",
                                "/img/**", "/images/**", "/webjars/**", "/favicon.ico", "/favicon.svg",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**", "/ui/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                request.getContextPath() + (failure instanceof LoginThrottledException
                                        ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID").invalidateHttpSession(true))
                .sessionManagement(sessions -> sessions
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(UI_CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
