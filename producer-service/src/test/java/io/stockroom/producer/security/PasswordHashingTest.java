package io.stockroom.producer.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {

    private final PasswordEncoder encoder = PasswordHashing.encoder();

    @Test
    void new_hashes_are_argon2id_with_the_chosen_memory_and_iterations() {
        String hash = encoder.encode("correct horse battery staple");

        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
        assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void a_password_longer_than_bcrypts_72_bytes_counts_to_its_last_byte() {
        String maximal = "\uD83D\uDE00".repeat(64);
        String almost = "\uD83D\uDE00".repeat(63) + "\uD83D\uDE01";

        String hash = encoder.encode(maximal);

        assertThat(encoder.matches(maximal, hash)).isTrue();
        assertThat(encoder.matches(almost, hash)).as("only the last of 256 bytes differs").isFalse();
    }

    @Test
    void a_stored_bcrypt_hash_still_verifies_and_asks_to_be_upgraded() {
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("an older password");

        assertThat(encoder.matches("an older password", bcrypt)).isTrue();
        assertThat(encoder.upgradeEncoding(bcrypt)).isTrue();
    }

    @Test
    void a_hash_of_an_unknown_kind_fails_the_check_instead_of_throwing() {
        assertThat(encoder.matches("anything at all", "{md4}0123456789abcdef")).isFalse();
        assertThat(encoder.matches("anything at all", "no-id-at-all")).isFalse();
    }

    @Test
    void no_more_hashes_run_at_once_than_the_bound() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return "x";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encode(raw).equals(encoded);
            }
        };
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 3);
        CountDownLatch done = new CountDownLatch(30);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                threads.submit(() -> {
                    bounded.matches("p", "x");
                    done.countDown();
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(most.get()).isEqualTo(3);
        assertThat(bounded.available()).isEqualTo(3);
    }
}
