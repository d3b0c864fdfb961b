package io.stockroom.stock;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.test.EventCollector;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.WithTestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock management re-announces locations that existed before the order service kept its own copy (ADR 0009): once
 * per database, at start-up, at the stored versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "stockroom.audit.initial-delay=1h")
@WithTestInfrastructure
class LocationRepublicationIT {

    private static final String MARKERS = "location_republications";
    private static final Instant STORED_AT = Instant.parse("2026-06-01T10:15:30Z");

    @Autowired
    TestEnvironment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    MessageJson json;
    @Autowired
    MessagePublisher publisher;

    @Test
    void a_fresh_database_records_the_republication_after_announcing_nothing() {
        Document marker = mongo.getCollection(MARKERS).find(Filters.eq("_id", "copies-v1")).first();

        assertThat(marker).isNotNull();
        assertThat(marker.get("count", Number.class).longValue()).isZero();
    }

    @Test
    void locations_stored_before_the_copy_existed_are_announced_once_at_their_stored_versions() {
        String database = "old_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        MongoDatabase old = mongo.getMongoDatabaseFactory().getMongoDatabase(database);
        // Three locations and a page size of two: two pages, the last one short.
        old.getCollection("locations").insertMany(List.of(location("OLD-WH1", 1, true, 1),
                location("OLD-WH2", 2, false, 3), location("OLD-WH3", 3, true, 7)));
        Set<String> codes = Set.of("OLD-WH1", "OLD-WH2", "OLD-WH3");

        try (EventCollector events = new EventCollector(connectionFactory, json)) {
            start(database).close();

            LocationChanged first = events.await(LocationChanged.class, e -> e.code().equals("OLD-WH1"));
            LocationChanged inactive = events.await(LocationChanged.class, e -> e.code().equals("OLD-WH2"));
            LocationChanged third = events.await(LocationChanged.class, e -> e.code().equals("OLD-WH3"));
            assertThat(first).isEqualTo(new LocationChanged("OLD-WH1", "Warehouse OLD-WH1", LocationType.WAREHOUSE,
                    1, true, LocationChanged.Change.UPDATED, 1, STORED_AT));
            assertThat(inactive.active()).isFalse();
            assertThat(inactive.version()).isEqualTo(3);
            assertThat(third.priority()).isEqualTo(3);
            assertThat(third.version()).isEqualTo(7);
            assertThat(announced(events, codes)).hasSize(3);
            Document marker = old.getCollection(MARKERS).find(Filters.eq("_id", "copies-v1")).first();
            assertThat(marker.get("count", Number.class).longValue()).isEqualTo(3);

            events.clear();
            start(database).close();

            // The second start confirmed whatever it published before run() returned, so it is queued ahead of this.
            publisher.publish(new LocationChanged("SENTINEL", "Sentinel", LocationType.STORE, 1, true,
                    LocationChanged.Change.REGISTERED, 1, Instant.now()),
                    new PublishContext("sentinel", "test", Actor.service("test")));
            events.await(LocationChanged.class, e -> e.code().equals("SENTINEL"));
            assertThat(announced(events, codes)).isEmpty();
            assertThat(old.getCollection(MARKERS).find(Filters.eq("_id", "copies-v1")).first()).isEqualTo(marker);
        } finally {
            old.drop();
        }
    }

    private static List<LocationChanged> announced(EventCollector events, Set<String> codes) {
        return events.all(LocationChanged.class).stream().filter(e -> codes.contains(e.code())).toList();
    }

    /** Another instance of the service on the same broker, against the given database. */
    private ConfigurableApplicationContext start(String database) {
        String uri = environment.properties().get("spring.mongodb.uri").replace(mongo.getDb().getName(), database);
        String[] arguments = Stream.concat(environment.properties().entrySet().stream()
                        .filter(p -> !p.getKey().equals("spring.mongodb.uri"))
                        .map(p -> "--" + p.getKey() + "=" + p.getValue()),
                Stream.of("--spring.mongodb.uri=" + uri, "--stockroom.republication.page-size=2",
                        "--stockroom.audit.initial-delay=1h"))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(StockManagementApplication.class).web(WebApplicationType.NONE)
                .run(arguments);
    }

    /** A location document as stock management stores it. */
    private static Document location(String code, int priority, boolean active, long version) {
        return new Document("_id", code).append("name", "Warehouse " + code)
                .append("type", LocationType.WAREHOUSE.name()).append("priority", priority)
                .append("active", active).append("version", version)
                .append("createdAt", Date.from(STORED_AT)).append("updatedAt", Date.from(STORED_AT));
    }
}
