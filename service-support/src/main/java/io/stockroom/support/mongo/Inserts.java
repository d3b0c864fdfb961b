package io.stockroom.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Idempotent creation by natural {@code _id}: the insert either creates the document or finds it already there
 * (a repeated command, a racing instance). Every other write error stays an error.
 */
public final class Inserts {

    private Inserts() {
    }

    /** True when this call created the document; false when a document with its {@code _id} already existed. */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
