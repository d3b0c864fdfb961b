package io.stockroom.producer.shared;

import io.stockroom.producer.common.KeyedRateLimiter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate-limit buckets in MongoDB hold one limit across instances, also when they race for the last token. */
class MongoBucketsTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    /** One producer instance's limiter: its own proxy manager, the same collection. */
    private static KeyedRateLimiter instance(String name, int capacity) {
        return new KeyedRateLimiter(name, capacity, Duration.ofHours(1), new MongoBuckets(MONGO.collection(
                "rate_limits")));
    }

    @Test
    void tokensTakenOnOneInstanceAreGoneOnTheOther() {
        KeyedRateLimiter first = instance("orders", 3);
        KeyedRateLimiter second = instance("orders", 3);

        assertThat(first.tryTake("alice")).isZero();
        assertThat(second.tryTake("alice")).isZero();
        assertThat(first.tryTake("alice")).isZero();
        assertThat(second.tryTake("alice")).isPositive();
        assertThat(first.waitFor("alice")).isPositive();
        // Other keys and other limits are counted apart.
        assertThat(second.tryTake("bob")).isZero();
        assertThat(instance("registrations", 3).tryTake("alice")).isZero();
    }

    @Test
    void instancesRacingForTheLastTokensNeverHandOutMoreThanTheCapacity() throws Exception {
        List<KeyedRateLimiter> instances = List.of(instance("race", 20), instance("race", 20));
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            KeyedRateLimiter limiter = instances.get(i % 2);
            attempts.add(() -> limiter.tryTake("carol").isZero());
        }
        int granted = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                granted += attempt.get() ? 1 : 0;
            }
        }
        assertThat(granted).isEqualTo(20);
    }

    @Test
    void failuresRecordedOnEitherInstanceLockTheAccountOnBoth() {
        var first = new io.stockroom.producer.security.LoginThrottle(instance("login-account", 2),
                instance("login-address", 100), (username, until) -> { }, java.time.Clock.systemUTC());
        var second = new io.stockroom.producer.security.LoginThrottle(instance("login-account", 2),
                instance("login-address", 100), (username, until) -> { }, java.time.Clock.systemUTC());

        first.failed("dave", "192.0.2.1");
        assertThat(second.waitBeforeAttempt("DAVE", "192.0.2.2")).isZero();
        second.failed("dave", "192.0.2.2");
        assertThat(first.waitBeforeAttempt("dave", "192.0.2.3")).isPositive();
        assertThat(second.waitBeforeAttempt("dave", "192.0.2.3")).isPositive();
    }
}
