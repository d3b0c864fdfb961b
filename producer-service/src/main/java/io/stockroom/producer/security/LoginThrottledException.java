package io.stockroom.producer.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed logins for this account or from this address: refused without checking the password. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-in attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
