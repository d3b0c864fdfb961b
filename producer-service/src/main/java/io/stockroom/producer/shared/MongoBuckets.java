package io.stockroom.producer.shared;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bucket4j token buckets kept in MongoDB (collection {@code rate_limits}), so a limit counts every producer instance's
 * requests together. Each bucket is one document {@code {_id: key, state, version, expiresAt}}; a change is a
 * compare-and-swap on {@code version} (one conditional single-document update), retried by Bucket4j when another
 * instance won the race. A bucket untouched until it would have refilled completely expires (TTL index): forgetting
 * it changes nothing. Bucket4j measures time on the client, so the instances' clocks must agree (NTP).
 */
public final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    /** A full bucket is kept this long after it would have refilled, then it may expire. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

    private final MongoCollection<Document> buckets;

    public MongoBuckets(MongoCollection<Document> buckets) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL)));
        this.buckets = buckets;
    }

    /** The expiry index; idempotent, so every instance may ask at start. */
    public void createIndexes() {
        buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            /** The version read by getStateData; -1 while the bucket does not exist. */
            private long version = -1;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document bucket = buckets.find(Filters.eq("_id", key)).first();
                if (bucket == null) {
                    version = -1;
                    return Optional.empty();
                }
                version = bucket.getLong("version");
                return Optional.of(bucket.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                Date expiresAt = expiresAt(newState);
                if (version < 0) {
                    return insert(key, newData, expiresAt);
                }
                return buckets.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("version", version)),
                        Updates.combine(Updates.set("state", new Binary(newData)), Updates.set("version", version + 1),
                                Updates.set("expiresAt", expiresAt))).getModifiedCount() == 1;
            }
        };
    }

    private boolean insert(String key, byte[] state, Date expiresAt) {
        try {
            buckets.insertOne(new Document("_id", key).append("state", new Binary(state)).append("version", 0L)
                    .append("expiresAt", expiresAt));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another instance created it first: Bucket4j reads again and retries
            }
            throw e;
        }
    }

    private Date expiresAt(RemoteBucketState state) {
        long nowNanos = currentTimeNanos();
        long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                .calculateTimeToLiveMillis(state, nowNanos);
        return new Date(TimeUnit.NANOSECONDS.toMillis(nowNanos) + Math.max(ttlMillis, 0));
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the producer takes tokens synchronously");
    }

    /** Every write sets {@code expiresAt}, which the TTL index honours. */
    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public void removeProxy(String key) {
        buckets.deleteOne(Filters.eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("synchronous only"));
    }
}
