package io.stockroom.support.failover;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.stockroom.support.mongo.MongoReliabilitySettings;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the clustered deployments rely on, tried where it can be on one machine: a broker host list reaches the node
 * that answers, and the MongoDB client (with the services' reliability settings, retryable writes included) waits out a
 * server that is away and carries on with the same client once it is back. (A real node failover needs the cluster: docs/DEPLOYMENT.md.)
 */
class ConnectionRecoveryIT {

    @Test
    void aBrokerHostListConnectsThroughTheFirstNodeThatAnswers() {
        try (TestEnvironment environment = TestInfrastructure.get().newEnvironment()) {
            String host = environment.properties().get("spring.rabbitmq.host");
            String port = environment.properties().get("spring.rabbitmq.port");
            CachingConnectionFactory factory = new CachingConnectionFactory();
            // The first "node" refuses connections, as a stopped cluster member would.
            factory.setAddresses("127.0.0.1:" + closedPort() + "," + host + ":" + port);
            factory.setAddressShuffleMode(AbstractConnectionFactory.AddressShuffleMode.NONE);
            factory.setUsername(environment.properties().get("spring.rabbitmq.username"));
            factory.setPassword(environment.properties().get("spring.rabbitmq.password"));
            factory.setVirtualHost(environment.vhost());
            try (Connection connection = factory.createConnection()) {
                assertThat(connection.isOpen()).isTrue();
                assertThat(connection.getDelegate().getPort()).isEqualTo(Integer.parseInt(port));
            } finally {
                factory.destroy();
            }
        }
    }

    @Test
    void aWriteIssuedWhileTheDatabaseIsAwayWaitsForItAndSucceedsWithTheSameClient() throws Exception {
        int port = closedPort();
        MongoServer first = new MongoServer(new MemoryBackend());
        first.bind("127.0.0.1", port);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/recovery"));
        new MongoReliabilitySettings().customize(settings);
        MongoClientSettings built = settings.build();
        assertThat(built.getRetryWrites()).isTrue();
        assertThat(built.getWriteConcern().getWObject()).isEqualTo(WriteConcern.MAJORITY.getWObject());

        try (MongoClient client = MongoClients.create(built)) {
            var orders = client.getDatabase("recovery").getCollection("orders");
            orders.insertOne(new Document("_id", "before"));
            first.shutdownNow();
            // The pooled connection is dead. Against a replica set the driver would retry this write once on the new
            // primary (retryable writes); the embedded server is a standalone, where the driver does not retry, so
            // the first write fails, and the driver drops its pool and waits for a server from then on.
            assertThatThrownBy(() -> orders.insertOne(new Document("_id", "lost"))).isInstanceOf(
                    MongoSocketException.class);

            // This write starts while nothing listens; the server returns 1 s later, within the 5 s selection timeout.
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> orders.insertOne(
                    new Document("_id", "during")));
            Thread.sleep(1_000);
            assertThat(write).isNotDone();
            MongoServer second = new MongoServer(new MemoryBackend());
            second.bind("127.0.0.1", port);
            try {
                write.get(10, TimeUnit.SECONDS);
                assertThat(orders.find(new Document("_id", "during")).first()).isNotNull();
            } finally {
                second.shutdownNow();
            }
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
