package io.stockroom.producer.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockroom.producer.common.KeyedRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginChainTest {

    private final AtomicInteger checks = new AtomicInteger();
    /** A password check that knows one account (asha / right-password), counting how often it runs. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"right-password".equals(authentication.getCredentials())) {
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
    private final List<String> locked = new CopyOnWriteArrayList<>();
    private final AuthenticationProvider chain = SecurityConfiguration.loginChain(passwords,
            new LoginThrottle(new KeyedRateLimiter(3, Duration.ofMinutes(15), 1_000),
                    new KeyedRateLimiter(100, Duration.ofMinutes(15), 1_000),
                    (username, until) -> locked.add(username), Clock.systemUTC()),
            new SimpleMeterRegistry(), Duration.ofSeconds(60), () -> 0L);

    private static Authentication attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("asha", password);
    }

    @Test
    void a_remembered_password_does_not_get_past_a_lockout() {
        chain.authenticate(attempt("right-password"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> chain.authenticate(attempt("wrong-password"))).isInstanceOf(
                    BadCredentialsException.class);
        }

        assertThatThrownBy(() -> chain.authenticate(attempt("right-password")))
                .isInstanceOf(LoginThrottledException.class);
        assertThat(checks).as("the locked attempt never reached the password check").hasValue(4);
        assertThat(locked).as("the lock is recorded on the account, for every instance").containsExactly("asha");
    }

    @Test
    void a_remembered_password_still_saves_the_hash_while_the_account_is_not_locked() {
        chain.authenticate(attempt("right-password"));
        chain.authenticate(attempt("right-password"));

        assertThat(checks).hasValue(1);
    }
}
