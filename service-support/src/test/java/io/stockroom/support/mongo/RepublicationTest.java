package io.stockroom.support.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishFailedException;
import io.stockroom.store.embedded.EmbeddedMemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up re-announcement when the broker is away: the service starts anyway, and the announcement is made in
 * the background once the broker confirms again, then recorded, so it is not made twice. The publisher here is a
 * stand-in that refuses a number of times (a broker outage cannot be timed to one call from a unit test); the real
 * publishing is covered by the owners' ItemRepublicationIT and LocationRepublicationIT.
 */
class RepublicationTest {

    private final MongoServer server = new MongoServer(new EmbeddedMemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
    private final MongoDatabase database = client.getDatabase("republication");
    private final MongoCollection<Document> locations = database.getCollection("locations");
    private final MongoCollection<Document> markers = database.getCollection("location_republications");

    /** Refuses the first {@code refusals} publishes, then records what it is given. */
    private static MessagePublisher failingFirst(int refusals, List<String> published, AtomicInteger calls) {
        return new MessagePublisher() {
            @Override
            public List<String> publishBatch(List<Publication> publications) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> publishAll(List<Outgoing> messages, io.stockroom.support.messaging.PublishContext c) {
                if (calls.incrementAndGet() <= refusals) {
                    throw new PublishFailedException("broker did not confirm");
                }
                List<String> ids = new ArrayList<>();
                messages.forEach(m -> {
                    published.add(((LocationChanged) m.payload()).code());
                    ids.add("m" + ids.size());
                });
                return ids;
            }
        };
    }

    private Republication republication(MessagePublisher publisher) {
        return new Republication("locations", locations, markers, doc -> new LocationChanged(doc.getString("_id"),
                doc.getString("_id"), LocationType.WAREHOUSE, 1, true, LocationChanged.Change.UPDATED,
                doc.getLong("version"), Instant.EPOCH), publisher, "stock-management-consumer", Clock.systemUTC(), 2,
                Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_broker_away_at_start_up_is_retried_in_the_background_until_the_announcement_is_made_and_recorded()
            throws InterruptedException {
        for (String code : List.of("WH-1", "WH-2", "WH-3")) {
            locations.insertOne(new Document("_id", code).append("version", 3L));
        }
        List<String> published = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();

        Thread retrying = republication(failingFirst(3, published, calls)).runAtStartUpInBackgroundIfNeeded();

        assertThat(retrying).as("the first attempt failed, so a retry runs").isNotNull();
        retrying.join(Duration.ofSeconds(10));
        assertThat(retrying.isAlive()).isFalse();
        assertThat(published).containsExactly("WH-1", "WH-2", "WH-3");
        assertThat(markers.countDocuments()).isEqualTo(1);

        // Recorded: a later start announces nothing.
        assertThat(republication(failingFirst(0, published, calls)).runOnce()).isEmpty();
    }

    @Test
    void an_outage_longer_than_every_attempt_leaves_no_marker_so_the_next_start_announces() throws Exception {
        locations.insertOne(new Document("_id", "WH-1").append("version", 1L));
        List<String> published = new ArrayList<>();

        Thread retrying = republication(failingFirst(Integer.MAX_VALUE, published, new AtomicInteger()))
                .runAtStartUpInBackgroundIfNeeded();
        retrying.join(Duration.ofSeconds(10));

        assertThat(retrying.isAlive()).isFalse();
        assertThat(published).isEmpty();
        assertThat(markers.countDocuments()).isZero();
        assertThat(republication(failingFirst(0, published, new AtomicInteger())).runOnce()).hasValue(1);
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
