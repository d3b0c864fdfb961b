package io.stockroom.store.embedded;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The in-memory store of the tests: answers {@code hello} and plans exact-{@code _id} filters through the index. */
public class EmbeddedMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloAnswer.isHello(command)) {
            return HelloAnswer.of(super.handleCommand(channel, databaseName, "ismaster", query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, this);
    }

    private static final class Database extends MemoryDatabase {

        Database(String name, EmbeddedMemoryBackend backend) {
            super(name, backend.getCursorRegistry());
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class Collection extends MemoryCollection {

        Collection(Database database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
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
