package io.stockroom.support.actuator;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed actuator sign-ins from one address: refused without checking, answered 429. */
class ActuatorThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    ActuatorThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins from this address");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
