package io.stockroom.producer.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    /** A password check that knows one account (asha / right-password), counting how often it runs. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"asha".equals(authentication.getName()) || !"right-password".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated("asha", null,
                    AuthorityUtils.createAuthorityList("ROLE_USER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(passwords, Duration.ofSeconds(60),
            nanos::get);

    private static Authentication attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    @Test
    void a_password_verified_moments_ago_is_not_hashed_again() {
        Authentication first = cache.authenticate(attempt("asha", "right-password"));
        Authentication second = cache.authenticate(attempt("asha", "right-password"));

        assertThat(checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo(first.getName());
        assertThat(second.getAuthorities()).extracting("authority").containsExactly("ROLE_USER");
    }

    @Test
    void a_wrong_password_is_never_cached_and_always_reaches_the_password_check() {
        cache.authenticate(attempt("asha", "right-password"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(attempt("asha", "wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(checks).hasValue(4);
    }

    @Test
    void a_verified_password_is_checked_again_once_the_ttl_has_passed() {
        cache.authenticate(attempt("asha", "right-password"));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        cache.authenticate(attempt("asha", "right-password"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void the_same_password_for_another_username_is_not_a_cache_hit() {
        cache.authenticate(attempt("asha", "right-password"));

        assertThatThrownBy(() -> cache.authenticate(attempt("ravi", "right-password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
    }
}
