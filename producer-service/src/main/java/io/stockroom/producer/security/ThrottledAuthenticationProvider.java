package io.stockroom.producer.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;

/**
 * Puts the login throttle in front of the password check, for form login and HTTP Basic alike. An account this
 * instance locked is refused first, whatever the credentials; credentials verified moments ago are then answered from
 * the cache (no password check, so the failure buckets need not be read: the account's own lock, set by whichever
 * instance counted its failures, is enforced by AccountStatusFilter); every password check waits for the account's
 * and the address's buckets.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final VerifiedCredentialsCache delegate;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;

    ThrottledAuthenticationProvider(VerifiedCredentialsCache delegate, LoginThrottle throttle, MeterRegistry meters) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Duration locked = throttle.lockedHereFor(username);
        if (!locked.isZero()) {
            meters.counter("stockroom.producer.logins", "outcome", "throttled").increment();
            throw new LoginThrottledException(locked);
        }
        Authentication remembered = delegate.remembered(authentication);
        if (remembered != null) {
            return remembered;
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Duration wait = throttle.waitBeforeAttempt(username, address);
        if (!wait.isZero()) {
            meters.counter("stockroom.producer.logins", "outcome", "throttled").increment();
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            meters.counter("stockroom.producer.logins", "outcome", "success").increment();
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            meters.counter("stockroom.producer.logins", "outcome", "failure").increment();
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
