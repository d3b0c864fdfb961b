package io.stockroom.producer.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * How passwords are hashed (ADR 0006). New hashes are Argon2id with OWASP's first recommended setting (19 MiB of
 * memory, 2 iterations, 1 lane): about 34 ms of one core per hash on the 2-core build machine, against about 93 ms
 * for the bcrypt (cost 10) it replaces, and unlike bcrypt it takes the whole password (bcrypt refuses more than 72
 * bytes, and the policy allows 128 characters). Stored {@code {bcrypt}} hashes still verify and are re-hashed at their
 * next successful login ({@link DelegatingPasswordEncoder#upgradeEncoding}). A hash with an unknown id fails the
 * check like a wrong password instead of throwing.
 */
final class PasswordHashing {

    static final String ARGON2_ID = "argon2";
    static final int ARGON2_SALT_BYTES = 16;
    static final int ARGON2_HASH_BYTES = 32;
    static final int ARGON2_PARALLELISM = 1;
    static final int ARGON2_MEMORY_KIB = 19_456;
    static final int ARGON2_ITERATIONS = 2;
    /**
     * Hashes computed at once. Each Argon2 hash holds 19 MiB while it runs, and requests run on virtual threads
     * without a pool limit, so a burst of logins must queue here rather than in the heap: 4 × 19 MiB at most. With
     * two cores, more at once would only share the same CPU.
     */
    static final int CONCURRENT_HASHES_MAX = 4;

    private PasswordHashing() {
    }

    static PasswordEncoder encoder() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(ARGON2_SALT_BYTES, ARGON2_HASH_BYTES,
                ARGON2_PARALLELISM, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(ARGON2_ID,
                Map.of(ARGON2_ID, argon2, "bcrypt", new BCryptPasswordEncoder()));
        delegating.setDefaultPasswordEncoderForMatches(new NothingMatches());
        return new BoundedPasswordEncoder(delegating, CONCURRENT_HASHES_MAX);
    }

    /** For stored hashes of no known id (corrupt or foreign): they never match, so the login fails cleanly. */
    private static final class NothingMatches implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("only used to check hashes of an unknown id");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return false;
        }
    }
}
