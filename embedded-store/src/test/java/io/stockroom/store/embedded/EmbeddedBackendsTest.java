package io.stockroom.store.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBackendsTest {

    private static final int DOCUMENTS = 200;

    enum Kind { MEMORY, FILE }

    @TempDir
    Path directory;
    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    private MongoCollection<Document> start(Kind kind) {
        MongoBackend backend = kind == Kind.MEMORY ? new EmbeddedMemoryBackend()
                : new EmbeddedH2Backend(directory.resolve("store.mv").toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoCollection<Document> orders = client.getDatabase("test").getCollection("orders");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", "order-" + i).append("version", 1).append("customer", "c" + (i % 7)));
        }
        orders.insertMany(documents);
        return orders;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aGuardedUpdateOnAnIdAppliesOnlyWhenTheGuardHolds(Kind kind) {
        MongoCollection<Document> orders = start(kind);

        long stale = orders.updateOne(Filters.and(Filters.eq("_id", "order-5"), Filters.eq("version", 0)),
                Updates.inc("version", 1)).getMatchedCount();
        long current = orders.updateOne(Filters.and(Filters.eq("_id", "order-5"), Filters.eq("version", 1)),
                Updates.inc("version", 1)).getMatchedCount();

        assertThat(stale).isZero();
        assertThat(current).isOne();
        assertThat(orders.find(Filters.eq("_id", "order-5")).first().getInteger("version")).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.eq("version", 2))).isOne();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExplicitAndWithAnIdClauseFindsTheSameDocumentAsTheFlatFilter(Kind kind) {
        MongoCollection<Document> orders = start(kind);

        Document flat = orders.find(new Document("_id", "order-9").append("customer", "c2")).first();
        Document explicit = orders.find(new Document("$and", List.of(new Document("customer", "c2"),
                new Document("_id", "order-9")))).first();
        Document wrongCustomer = orders.find(new Document("_id", "order-9").append("customer", "c3")).first();

        assertThat(flat).isNotNull().isEqualTo(explicit);
        assertThat(wrongCustomer).isNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filtersWithoutAPlainIdStillSeeEveryDocument(Kind kind) {
        MongoCollection<Document> orders = start(kind);

        long byCustomer = orders.countDocuments(Filters.eq("customer", "c3"));
        long byIdList = orders.countDocuments(Filters.and(Filters.in("_id", "order-3", "order-10", "order-4"),
                Filters.eq("customer", "c3")));
        long byIdRange = orders.countDocuments(Filters.and(Filters.gte("_id", "order-19"),
                Filters.eq("customer", "c3")));

        assertThat(byCustomer).isEqualTo(DOCUMENTS / 7 + (DOCUMENTS % 7 > 3 ? 1 : 0));
        assertThat(byIdList).isEqualTo(2);
        assertThat(byIdRange).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUpsertGuardedByAnIdCreatesTheDocumentOnlyOnce(Kind kind) {
        MongoCollection<Document> orders = start(kind);
        Document guard = new Document("_id", "order-new").append("version", new Document("$lt", 3));

        orders.updateOne(guard, Updates.combine(Updates.set("version", 3), Updates.set("customer", "c1")),
                new com.mongodb.client.model.UpdateOptions().upsert(true));

        assertThat(orders.countDocuments()).isEqualTo(DOCUMENTS + 1);
        assertThat(orders.find(Filters.eq("_id", "order-new")).first().getInteger("version")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void helloIsAnsweredAsAWritablePrimary(Kind kind) {
        start(kind);

        Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
    }

    @Test
    void aStoreFileKeepsItsDocumentsAcrossARestart() {
        start(Kind.FILE);
        client.close();
        server.shutdownNow();

        server = new MongoServer(new EmbeddedH2Backend(directory.resolve("store.mv").toString()));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());

        MongoCollection<Document> orders = client.getDatabase("test").getCollection("orders");
        assertThat(orders.countDocuments()).isEqualTo(DOCUMENTS);
        // The indexes are rebuilt from the documents on open: lookups and uniqueness hold as before.
        assertThat(orders.find(Filters.eq("_id", "order-7")).first().getString("customer")).isEqualTo("c0");
        assertThatThrownBy(() -> orders.insertOne(new Document("_id", "order-7")))
                .isInstanceOf(com.mongodb.MongoWriteException.class);
    }
}
