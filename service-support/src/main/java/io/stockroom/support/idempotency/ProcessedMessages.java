package io.stockroom.support.idempotency;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.stockroom.support.messaging.MessageMetadata;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Message ids a queue has fully processed (effect durable, events confirmed), keyed {@code queue|messageId} so the
 * lookup is an exact {@code _id} match. It serves replay detection: a processed id published again is refused.
 * Exactly-once effects do not rest on it (a crash can fall between the effect and this record); they rest on the
 * operation ids inside each write. Entries expire after the replay window, past which old messages are refused anyway.
 */
public final class ProcessedMessages {

    static final String COLLECTION = "processed_messages";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public ProcessedMessages(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("processedAt", Sort.Direction.ASC)
                .expire(retention).named("processed_ttl"));
    }

    public boolean contains(String queue, String messageId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(queue, messageId))), COLLECTION);
    }

    /** The message ids among {@code messageIds} that {@code queue} processed before, in one query. */
    public Set<String> containing(String queue, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        mongo.getCollection(COLLECTION).find(Filters.in("_id", messageIds.stream().map(id -> key(queue, id))
                        .toList())).projection(Projections.include("_id"))
                .forEach(entry -> found.add(entry.getString("_id").substring(queue.length() + 1)));
        return found;
    }

    public void record(String queue, MessageMetadata metadata) {
        recordAll(queue, List.of(metadata));
    }

    /** Records several processed messages in one unordered write; ids recorded before are left as they are. */
    public void recordAll(String queue, List<MessageMetadata> processed) {
        if (processed.isEmpty()) {
            return;
        }
        Date now = Date.from(Instant.now());
        List<Document> entries = processed.stream().map(metadata -> new Document("_id",
                key(queue, metadata.messageId())).append("type", metadata.type().routingKey())
                .append("processedAt", now)).toList();
        try {
            mongo.getCollection(COLLECTION).insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A redelivery processed twice records once; anything but a duplicate is a real failure.
            if (e.getWriteConcernError() != null
                    || e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static String key(String queue, String messageId) {
        return queue + "|" + messageId;
    }
}
