package io.stockroom.order;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.order.adapter.out.persistence.MongoSourcingStore;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.test.WithTestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.stockroom.order.OrderFixtures.locationCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order service's own stored copy of locations and items (ADR 0009): what a restarted or brand-new instance
 * starts from, kept from the durable queue, and never moved back by an older or repeated event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithTestInfrastructure
class SourcingStoreIT {

    @Autowired
    MessagePublisher publisher;
    @Autowired
    StockLedger ledger;
    @Autowired
    SourcingProjection sourcing;
    @Autowired
    MongoSourcingStore store;

    @Test
    void an_instance_started_after_the_events_finds_them_in_the_stored_copy() {
        String sku = OrderFixtures.sku();
        String warehouse = locationCode("WH");
        Owners owners = new Owners(publisher, ledger, List.of(sourcing));
        owners.item(sku);
        owners.location(warehouse, 3, true);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SourcingProjection newInstance = new SourcingProjection();
            store.loadInto(newInstance);
            assertThat(newInstance.itemExists(sku)).isTrue();
            assertThat(newInstance.location(warehouse)).contains(new StockPlaces.Place(warehouse, 3, true));
        });
    }

    /** What the owners publish once for a store from before the copy existed (ADR 0009): state at stored versions. */
    @Test
    void an_owners_re_announcement_fills_an_empty_copy_without_any_earlier_event() {
        String sku = OrderFixtures.sku();
        String code = locationCode("WH");
        PublishContext owner = new PublishContext("republication:test", "republication", Actor.service("owner"));
        publisher.publish(new ItemUpdated(sku, details(), 7, Instant.now()), owner);
        publisher.publish(new LocationChanged(code, "Place " + code, LocationType.WAREHOUSE, 4, false,
                LocationChanged.Change.UPDATED, 9, Instant.now()), owner);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SourcingProjection newInstance = new SourcingProjection();
            store.loadPlacesAndItemsInto(newInstance);
            assertThat(newInstance.itemExists(sku)).isTrue();
            assertThat(newInstance.location(code)).contains(new StockPlaces.Place(code, 4, false));
            assertThat(sourcing.itemExists(sku)).as("this instance's projection too").isTrue();
        });
    }

    @Test
    void an_older_or_repeated_event_never_moves_the_copy_back() {
        String sku = OrderFixtures.sku();
        String code = locationCode("DS");
        Instant now = Instant.now();
        List<Event> outOfOrder = List.of(new ItemDeleted(sku, 3, now), new ItemCreated(sku, details(), 1, now),
                new ItemUpdated(sku, details(), 2, now), location(code, 2, false), location(code, 1, true));

        store.recordAll(outOfOrder);
        store.recordAll(outOfOrder);

        SourcingProjection loaded = new SourcingProjection();
        store.loadPlacesAndItemsInto(loaded);
        assertThat(loaded.itemExists(sku)).isFalse();
        assertThat(loaded.location(code)).contains(new StockPlaces.Place(code, 5, false));

        store.recordAll(List.of(new ItemCreated(sku, details(), 4, now)));
        SourcingProjection again = new SourcingProjection();
        store.loadPlacesAndItemsInto(again);
        assertThat(again.itemExists(sku)).as("re-created with a newer version").isTrue();
    }

    private static ItemDetails details() {
        return new ItemDetails("Watch", "Stockroom", "Watches", new Money(new BigDecimal("99.00"), "INR"), Map.of(), 2);
    }

    private static LocationChanged location(String code, long version, boolean active) {
        return new LocationChanged(code, "Place " + code, LocationType.DARK_STORE, 5, active,
                active ? LocationChanged.Change.REGISTERED : LocationChanged.Change.DEACTIVATED, version,
                Instant.now());
    }
}
