package io.stockroom.producer.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    @Test
    void an_account_is_locked_after_its_failures_regardless_of_the_address() {
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15), 1_000);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBeforeAttempt("Alice", "10.0.0." + i)).isZero();
            throttle.failed("Alice", "10.0.0." + i);
        }

        assertThat(throttle.waitBeforeAttempt("alice", "10.9.9.9")).isPositive();
        assertThat(throttle.waitBeforeAttempt("bob", "10.9.9.9")).isZero();
    }

    @Test
    void an_address_spraying_many_accounts_is_locked_for_all_of_them() {
        LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), 1_000);
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }

        assertThat(throttle.waitBeforeAttempt("someone-new", "203.0.113.7")).isPositive();
        assertThat(throttle.waitBeforeAttempt("someone-new", "198.51.100.1")).isZero();
    }
}
