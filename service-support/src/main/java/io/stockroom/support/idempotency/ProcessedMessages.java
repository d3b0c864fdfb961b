package io.stockroom.support.idempotency;

import io.stockroom.support.messaging.MessageMetadata;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Message ids a queue has fully processed (effect durable, events confirmed), keyed {@code queue|messageId} so the
 * lookup is an exact {@code _id} match. It serves replay detection: a processed id published again is refused.
 * Exactly-once effects do not rest on it (a crash can fall between the effect and this record); they rest on the
 * operation ids inside each write. Entries expire after the replay window, past which old messages are refused anyway.
 */
public final class ProcessedMessages {

    static final String COLLECTION = "processed_messages";

    private final MongoTemplate mongo;

    public ProcessedMessages(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("processedAt", Sort.Direction.ASC)
                .expire(retention).named("processed_ttl"));
    }

    public boolean contains(String queue, String messageId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(queue, messageId))), COLLECTION);
    }

    public void record(String queue, MessageMetadata metadata) {
        Document entry = new Document("_id", key(queue, metadata.messageId()))
                .append("type", metadata.type().routingKey())
                .append("processedAt", Date.from(Instant.now()));
        try {
            mongo.insert(entry, COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // A redelivery processed twice records once; nothing to do.
        }
    }

    private static String key(String queue, String messageId) {
        return queue + "|" + messageId;
    }
}
