package io.stockroom.item;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.Money;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.test.EventCollector;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.WithTestInfrastructure;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue re-announces items that existed before the subscribers kept their own copies (ADR 0009): once per
 * database, at start-up, at the stored versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithTestInfrastructure
class ItemRepublicationIT {

    private static final String MARKERS = "item_republications";
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
    void items_stored_before_the_copies_existed_are_announced_once_at_their_stored_versions() throws Exception {
        String database = "old_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        MongoDatabase old = mongo.getMongoDatabaseFactory().getMongoDatabase(database);
        // Five items and a page size of two: three pages, the last one short.
        List<String> live = List.of("OLD-A", "OLD-B", "OLD-C", "OLD-E");
        for (int i = 0; i < live.size(); i++) {
            old.getCollection("items").insertOne(item(live.get(i), i + 1, false));
        }
        old.getCollection("items").insertOne(item("OLD-D", 4, true));
        Set<String> skus = Set.of("OLD-A", "OLD-B", "OLD-C", "OLD-D", "OLD-E");

        try (EventCollector events = new EventCollector(connectionFactory, json)) {
            start(database).close();

            for (int i = 0; i < live.size(); i++) {
                String sku = live.get(i);
                ItemUpdated updated = events.await(ItemUpdated.class, e -> e.sku().equals(sku));
                assertThat(updated.version()).isEqualTo(i + 1);
                assertThat(updated.details()).isEqualTo(details(sku));
                assertThat(updated.occurredAt()).isEqualTo(STORED_AT);
            }
            ItemDeleted deleted = events.await(ItemDeleted.class, e -> e.sku().equals("OLD-D"));
            assertThat(deleted.version()).isEqualTo(4);
            assertThat(announced(events, skus)).hasSize(5);
            Document marker = old.getCollection(MARKERS).find(Filters.eq("_id", "copies-v1")).first();
            assertThat(marker.get("count", Number.class).longValue()).isEqualTo(5);

            events.clear();
            start(database).close();

            // The second start confirmed whatever it published before run() returned, so it is queued ahead of this.
            publisher.publish(new ItemDeleted("SENTINEL", 1, Instant.now()),
                    new PublishContext("sentinel", "test", Actor.service("test")));
            events.await(ItemDeleted.class, e -> e.sku().equals("SENTINEL"));
            assertThat(announced(events, skus)).isEmpty();
            assertThat(old.getCollection(MARKERS).find(Filters.eq("_id", "copies-v1")).first()).isEqualTo(marker);
        } finally {
            old.drop();
        }
    }

    private static List<ItemEvent> announced(EventCollector events, Set<String> skus) {
        return events.all(ItemEvent.class).stream().filter(e -> skus.contains(sku(e))).toList();
    }

    private static String sku(ItemEvent event) {
        return switch (event) {
            case ItemCreated e -> e.sku();
            case ItemUpdated e -> e.sku();
            case ItemDeleted e -> e.sku();
        };
    }

    /** Another instance of the service on the same broker, against the given database. */
    private ConfigurableApplicationContext start(String database) {
        String uri = environment.properties().get("spring.mongodb.uri").replace(mongo.getDb().getName(), database);
        String[] arguments = Stream.concat(environment.properties().entrySet().stream()
                        .filter(p -> !p.getKey().equals("spring.mongodb.uri"))
                        .map(p -> "--" + p.getKey() + "=" + p.getValue()),
                Stream.of("--spring.mongodb.uri=" + uri, "--stockroom.republication.page-size=2"))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ItemCatalogApplication.class).web(WebApplicationType.NONE)
                .run(arguments);
    }

    private static ItemDetails details(String sku) {
        return new ItemDetails("Watch " + sku, "Seiko", "watches", new Money(new BigDecimal("129.50"), "INR"),
                Map.of("strap", "steel"), 3);
    }

    /** An item document as the catalogue stores it. */
    private static Document item(String sku, long version, boolean deleted) {
        ItemDetails details = details(sku);
        Document stored = new Document("name", details.name()).append("brand", details.brand())
                .append("category", details.category())
                .append("price", new Document("amount", new Decimal128(details.price().amount()))
                        .append("currency", details.price().currency()))
                .append("attributes", new Document(details.attributes()))
                .append("lowStockThreshold", details.lowStockThreshold());
        return new Document("_id", sku).append("details", stored).append("version", version)
                .append("deleted", deleted).append("recentCommands", List.of("cmd-" + sku))
                .append("createdAt", Date.from(STORED_AT.minus(1, ChronoUnit.DAYS)))
                .append("updatedAt", Date.from(STORED_AT));
    }
}
