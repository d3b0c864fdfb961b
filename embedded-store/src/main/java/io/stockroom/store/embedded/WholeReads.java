package io.stockroom.store.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes every document a client reads whole, as MongoDB does. mongo-java-server updates a stored document in place
 * while it holds the collection's lock, but it hands a query the stored documents themselves and serializes them after
 * the lock is released; a document updated in between reaches the client half old, half new. A compare-and-swap
 * client (read, compute, write back guarded by the version it read) can then see the new version with the old state
 * and win its swap on stale state: a lost update. {@code MongoBucketsTest} caught one rate limiter handing out 21 of
 * 20 tokens that way. Copies taken under the lock cannot change afterwards.
 *
 * <p>Not covered: documents past a query's first batch wait in a cursor and are serialized when the client asks for
 * the next batch. Single-document reads (every compare-and-swap in Stockroom) are always in the first batch.
 */
final class WholeReads {

    private WholeReads() {
    }

    /**
     * Runs a client's query under {@code collection}'s lock and copies its first batch before the lock is released. A
     * query made while the lock is already held is one the store makes for itself (findAndModify finds what it then
     * updates in place) and gets the stored documents, as before.
     */
    static QueryResult query(Object collection, Supplier<QueryResult> query) {
        boolean internal = Thread.holdsLock(collection);
        synchronized (collection) {
            QueryResult result = query.get();
            return internal ? result : copies(result);
        }
    }

    /** Runs a findAndModify under {@code collection}'s lock and copies the answer (it holds the stored document). */
    static Document findAndModify(Object collection, Supplier<Document> findAndModify) {
        synchronized (collection) {
            return findAndModify.get().cloneDeeply();
        }
    }

    private static QueryResult copies(QueryResult result) {
        List<Document> copies = new ArrayList<>();
        for (Document document : result) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, result.getCursorId());
    }
}
