package io.stockroom.support.actuator;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActuatorAuthenticationProviderTest {

    private static final ActuatorAccount ACCOUNT = new ActuatorAccount("scraper", "a-long-random-machine-secret");
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final ActuatorAuthenticationProvider provider = new ActuatorAuthenticationProvider(ACCOUNT, 3,
            Duration.ofMinutes(15), new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    private static Authentication attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    @Test
    void the_actuator_account_gets_the_actuator_role_and_nothing_else_does() {
        Authentication granted = provider.authenticate(attempt("scraper", "a-long-random-machine-secret", "10.0.0.1"));

        assertThat(granted.isAuthenticated()).isTrue();
        assertThat(granted.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ACTUATOR");
        assertThatThrownBy(() -> provider.authenticate(attempt("scraper", "a-long-random-machine-secreT", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(attempt("admin", "a-long-random-machine-secret", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void an_address_that_keeps_guessing_is_refused_until_its_window_ends_even_with_the_right_password() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("scraper", "guess", "203.0.113.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> provider.authenticate(attempt("scraper", "a-long-random-machine-secret",
                "203.0.113.9"))).isInstanceOf(ActuatorThrottledException.class);
        assertThat(provider.authenticate(attempt("scraper", "a-long-random-machine-secret", "10.0.0.2"))
                .isAuthenticated()).as("other addresses are not affected").isTrue();
        now = now.plus(Duration.ofMinutes(16));
        assertThat(provider.authenticate(attempt("scraper", "a-long-random-machine-secret", "203.0.113.9"))
                .isAuthenticated()).isTrue();
    }

    @Test
    void without_an_account_nobody_signs_in() {
        ActuatorAuthenticationProvider closed = new ActuatorAuthenticationProvider(new ActuatorAccount(null, null), 3,
                Duration.ofMinutes(15), Clock.systemUTC());

        assertThatThrownBy(() -> closed.authenticate(attempt("", "", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void an_account_needs_both_parts_and_a_long_password() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ActuatorAccount("scraper", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ActuatorAccount(null, "a-long-random-machine-secret"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ActuatorAccount("scraper", "short-secret"))
                .withMessageContaining("16");
        assertThat(new ActuatorAccount("scraper", "a-long-random-machine-secret").toString())
                .doesNotContain("machine-secret");
    }
}
