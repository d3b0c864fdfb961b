package io.stockroom.producer.shared;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.stockroom.store.embedded.EmbeddedMemoryBackend;
import org.bson.Document;

import java.net.InetSocketAddress;

/** An in-process MongoDB-wire server and a client for one test class: what the embedded run stores state in. */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new EmbeddedMemoryBackend());
    private final MongoClient client;

    EmbeddedMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("shared_state").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
