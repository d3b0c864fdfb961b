package io.stockroom.producer.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most {@code permits} hashes run at once; the rest wait their turn (fairly). A waiting request costs a
 * parked virtual thread, while a running Argon2 hash costs its memory: see {@link PasswordHashing}.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore running;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits) {
        if (permits < 1 || permits > 64) {
            throw new IllegalArgumentException("concurrent hashes must be 1..64");
        }
        this.delegate = delegate;
        this.running = new Semaphore(permits, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    /** Only compares the stored hash's id and parameters: cheap, so not bounded. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    int available() {
        return running.availablePermits();
    }

    private <T> T bounded(Supplier<T> hash) {
        running.acquireUninterruptibly();
        try {
            return hash.get();
        } finally {
            running.release();
        }
    }
}
