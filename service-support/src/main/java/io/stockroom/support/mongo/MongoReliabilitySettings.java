package io.stockroom.support.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import com.mongodb.MongoClientSettings;

import java.util.concurrent.TimeUnit;

/**
 * Write and read settings chosen, not inherited: an acknowledged effect must survive a primary failover, so writes
 * wait for a majority and the journal; reads see only majority-committed data; every operation has a time limit.
 */
public final class MongoReliabilitySettings implements MongoClientSettingsBuilderCustomizer {

    private static final long SERVER_SELECTION_TIMEOUT_MILLIS = 5_000;
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long READ_TIMEOUT_MILLIS = 15_000;
    private static final int POOL_SIZE_MAX = 100;

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.writeConcern(WriteConcern.MAJORITY.withJournal(true).withWTimeout(10, TimeUnit.SECONDS))
                .readConcern(ReadConcern.MAJORITY)
                .retryWrites(true)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT_MILLIS,
                        TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) CONNECT_TIMEOUT_MILLIS,
                        TimeUnit.MILLISECONDS).readTimeout((int) READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(POOL_SIZE_MAX));
    }
}
