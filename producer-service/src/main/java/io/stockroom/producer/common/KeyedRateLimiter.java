package io.stockroom.producer.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per key (a user name, a client address). Either shared by every producer instance (a Bucket4j
 * {@link ProxyManager}, in production MongoDB: a limit then holds however many instances serve the requests), or in
 * this process's memory with a bounded number of keys (unit tests): when full, the least recently used key is
 * forgotten, which at worst gives that key a fresh bucket.
 */
public final class KeyedRateLimiter {

    private final long capacity;
    private final Duration refillPeriod;
    private final Map<String, Bucket> buckets;
    private final ProxyManager<String> shared;

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
        this.shared = null;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > keysMax;
            }
        };
    }

    /**
     * Buckets shared by every instance that uses the same {@code store} and {@code name}.
     *
     * @param name         distinguishes this limit's keys from other limits' in the store
     * @param capacity     tokens in a full bucket (the burst allowed)
     * @param refillPeriod time in which an empty bucket refills completely, gradually
     */
    public KeyedRateLimiter(String name, long capacity, Duration refillPeriod, ProxyManager<String> store) {
        if (name == null || name.isBlank() || capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("name, capacity and refill period must be given and positive");
        }
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.buckets = null;
        this.shared = store.withMapper(key -> name + ":" + key);
    }

    /** Takes a token for {@code key}; returns zero when taken, otherwise how long until one is available. */
    public Duration tryTake(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1));
    }

    /** Without taking one: zero when a token is available, otherwise how long until one is. */
    public Duration waitFor(String key) {
        if (shared != null) {
            EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Duration.ZERO
                    : Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1));
        }
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
        if (shared != null) {
            return shared.builder().build(key, this::configuration);
        }
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod)).build());
        }
    }

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod)).build();
    }
}
