package io.stockroom.producer.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials verified in the last {@code ttl}, so a script calling the stateless API with HTTP Basic does
 * not pay a password hash (tens of milliseconds of CPU, by design: Argon2id, bcrypt before it) on every request;
 * measured with bcrypt before this cache: 16 API reads/s on two cores.
 * <p>
 * Only an HMAC of username and password under a random key that lives in this process's memory is kept, never the
 * password; a wrong password is never cached, so it always reaches the password check. A remembered password is no
 * way around a lockout: an account this instance locked is refused before this cache is asked
 * ({@link ThrottledAuthenticationProvider}), and one locked or disabled anywhere is refused by
 * {@link AccountStatusFilter}, which reads the account on every authenticated request, on every instance. (A demoted
 * account keeps its old roles for at most {@code ttl} on the instances that cached it.)
 */
final class VerifiedCredentialsCache implements AuthenticationProvider {

    /** Bounded so a flood of distinct valid credentials cannot grow the heap. */
    static final int ENTRIES_MAX = 10_000;

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> verified;
    private final SecretKeySpec key;

    VerifiedCredentialsCache(AuthenticationProvider delegate, Duration ttl, Ticker ticker) {
        if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the verified-credentials TTL must be 0..10 minutes");
        }
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().maximumSize(ENTRIES_MAX).expireAfterWrite(ttl).ticker(ticker).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The authentication remembered for exactly these credentials, or null: no password is checked. */
    Authentication remembered(Authentication authentication) {
        return authentication.getCredentials() instanceof String password
                ? verified.getIfPresent(fingerprint(authentication.getName(), password)) : null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String fingerprint = fingerprint(authentication.getName(), password);
        Authentication known = verified.getIfPresent(fingerprint);
        if (known != null) {
            return known;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(fingerprint, UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                    result.getAuthorities()));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
