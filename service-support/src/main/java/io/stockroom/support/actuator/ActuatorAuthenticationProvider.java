package io.stockroom.support.actuator;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks HTTP Basic credentials against the {@link ActuatorAccount}. The account's password is a long random machine
 * secret held in memory, so a slow password hash would protect nothing: the check compares SHA-256 digests in
 * constant time. Online guessing is capped per client address ({@code failuresMax} per {@code window}), since the
 * producer's actuator is on its public port.
 */
final class ActuatorAuthenticationProvider implements AuthenticationProvider {

    private static final int ADDRESSES_MAX = 10_000;

    private final ActuatorAccount account;
    private final byte[] expected;
    private final int failuresMax;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > ADDRESSES_MAX;
        }
    };

    /** Failures of one address in the window that started at {@code since}. */
    private record Failures(Instant since, int count) {
    }

    ActuatorAuthenticationProvider(ActuatorAccount account, int failuresMax, Duration window, Clock clock) {
        this.account = account;
        this.expected = account.configured() ? digest(account.username(), account.password()) : null;
        this.failuresMax = failuresMax;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Duration wait = waitFor(address);
        if (!wait.isZero()) {
            throw new ActuatorThrottledException(wait);
        }
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (expected == null || !MessageDigest.isEqual(expected, digest(authentication.getName(), password))) {
            failed(address);
            throw new BadCredentialsException("not the actuator account");
        }
        return UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + ActuatorAccount.ROLE));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private synchronized Duration waitFor(String address) {
        Failures current = failures.get(address);
        if (current == null || current.count() < failuresMax) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.since().plus(window));
        if (left.isNegative() || left.isZero()) {
            failures.remove(address);
            return Duration.ZERO;
        }
        return left;
    }

    private synchronized void failed(String address) {
        Instant now = clock.instant();
        Failures current = failures.get(address);
        if (current == null || !now.isBefore(current.since().plus(window))) {
            current = new Failures(now, 0);
        }
        failures.put(address, new Failures(current.since(), current.count() + 1));
    }

    private static byte[] digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((username == null ? "" : username).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
