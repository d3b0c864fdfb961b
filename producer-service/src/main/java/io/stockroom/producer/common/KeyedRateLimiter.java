package io.stockroom.producer.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per key (a user name, a client address), in memory, with a bounded number of keys: when full,
 * the least recently used key is forgotten, which at worst gives that key a fresh bucket.
 */
public final class KeyedRateLimiter {

    private final long capacity;
    private final Duration refillPeriod;
    private final Map<String, Bucket> buckets;

    /**
     * @param capacity     tokens in a full bucket (the burst allowed)
     * @param refillPeriod time in which an empty bucket refills completely, gradually
     * @param keysMax      keys remembered at once
     */
    public KeyedRateLimiter(long capacity, Duration refillPeriod, int keysMax) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero() || keysMax < 1) {
            throw new IllegalArgumentException("capacity, refill period and keys must be positive");
        }
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > keysMax;
            }
        };
    }

    /** Takes a token for {@code key}; returns zero when taken, otherwise how long until one is available. */
    public Duration tryTake(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1));
    }

    /** Without taking one: zero when a token is available, otherwise how long until one is. */
    public Duration waitFor(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(key);
        }
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1));
    }

    /** Takes a token if one is left, without reporting; used to count failures. */
    public void record(String key) {
        bucket(key).tryConsume(1);
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod)).build());
        }
    }
}
