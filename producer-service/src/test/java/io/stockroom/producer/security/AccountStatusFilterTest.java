package io.stockroom.producer.security;

import io.stockroom.contracts.Role;
import io.stockroom.producer.account.domain.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStatusFilterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final AtomicReference<Duration> refusedFor = new AtomicReference<>();
    private final AtomicBoolean passed = new AtomicBoolean();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void request(UserAccount stored) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                stored.username(), null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        new AccountStatusFilter(name -> Optional.of(stored), (request, response, lockedFor) -> refusedFor.set(lockedFor),
                Clock.fixed(NOW, ZoneOffset.UTC))
                .doFilter(new MockHttpServletRequest("GET", "/api/items"), new MockHttpServletResponse(),
                        (request, response) -> passed.set(true));
    }

    private static UserAccount account(boolean enabled, Instant lockedUntil) {
        return new UserAccount("asha", "{x}", Set.of(Role.USER), enabled, NOW.minusSeconds(3_600), lockedUntil);
    }

    @Test
    void an_enabled_account_whose_lock_has_passed_goes_through() throws Exception {
        request(account(true, NOW.minusSeconds(1)));

        assertThat(passed).isTrue();
        assertThat(refusedFor).hasNullValue();
    }

    @Test
    void an_account_locked_by_any_instance_is_refused_for_as_long_as_the_lock_lasts() throws Exception {
        request(account(true, NOW.plusSeconds(90)));

        assertThat(passed).isFalse();
        assertThat(refusedFor.get()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void a_disabled_account_is_refused_without_a_wait() throws Exception {
        request(account(false, null));

        assertThat(passed).isFalse();
        assertThat(refusedFor.get()).isZero();
    }
}
