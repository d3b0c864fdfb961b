package io.stockroom.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * Writes that only ever move a document to a newer version, for a copy kept from versioned events (ADR 0009): a
 * repeated, late or concurrently applied event never undoes a newer one.
 */
public final class VersionedUpserts {

    private static final int DUPLICATE_KEY = 11000;

    private VersionedUpserts() {
    }

    /**
     * An upsert of {@code changes} and {@code version} that matches only an older document; against a newer one its
     * insert fails as a duplicate key, which {@link #applyAll} takes as "stale".
     */
    public static UpdateOneModel<Document> newer(String id, long version, Bson changes) {
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("version", version)),
                Updates.combine(changes, Updates.set("version", version)), new UpdateOptions().upsert(true));
    }

    /**
     * One unordered bulk write. A write that failed as a duplicate key met a document inserted meanwhile (by a
     * concurrent upsert of the same id, which the store does not retry because the filter carries the version): it is
     * tried once more alone, and then a duplicate key means what is stored is newer.
     */
    public static void applyAll(MongoCollection<Document> collection, List<UpdateOneModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null
                    || e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> applyAlone(collection, writes.get(error.getIndex())));
        }
    }

    private static void applyAlone(MongoCollection<Document> collection, UpdateOneModel<Document> write) {
        try {
            collection.updateOne(write.getFilter(), write.getUpdate(), write.getOptions());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
