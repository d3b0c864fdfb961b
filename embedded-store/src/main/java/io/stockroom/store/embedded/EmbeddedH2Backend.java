package io.stockroom.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

import java.util.List;

/**
 * The file-backed store of the local run (one H2 MVStore file): answers {@code hello} and plans exact-{@code _id}
 * filters through the index. Map names are those of {@link H2Database}, so files written before stay readable.
 */
public class EmbeddedH2Backend extends H2Backend {

    public EmbeddedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloAnswer.isHello(command)) {
            return HelloAnswer.of(super.handleCommand(channel, databaseName, "ismaster", query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** An inner class: the superclass constructor opens collections, before a field of this class could be set. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        /** Indexes live on the heap, rebuilt from the documents on open ({@link HeapUniqueIndex} says why). */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return new HeapUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(Database database, String name, CollectionOptions options, MVMap<Object, Document> data,
                   MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                             int batchSize, Document fieldSelector) {
            return IdLookup.query(query, getIndexes(), positions -> matchDocuments(query, positions, orderBy,
                    numberToSkip, numberToReturn, batchSize, fieldSelector), () -> super.queryDocuments(query, orderBy,
                    numberToSkip, numberToReturn, batchSize, fieldSelector));
        }

        /** A client's read is a copy taken under the lock ({@link WholeReads}). */
        @Override
        public QueryResult handleQuery(QueryParameters parameters) {
            return WholeReads.query(this, () -> super.handleQuery(parameters));
        }

        @Override
        public Document findAndModify(Document query) {
            return WholeReads.findAndModify(this, () -> super.findAndModify(query));
        }
    }
}
