package io.stockroom.stock;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.Command;
import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.UpdateLocation;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AdjustmentReason;
import io.stockroom.contracts.stock.AuditStock;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.StockAlert;
import io.stockroom.contracts.stock.StockAuditCompleted;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.contracts.stock.TransferStock;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.stock.movement.application.Catalog;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.signing.MessageSigner;
import io.stockroom.support.test.EventCollector;
import io.stockroom.support.test.RawMessages;
import io.stockroom.support.test.WithTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.stockroom.stock.StockFixtures.commandId;
import static io.stockroom.stock.StockFixtures.itemExists;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "stockroom.stock.item-arrival-grace=300ms", "stockroom.messaging.retry-delay-initial=50ms",
        "stockroom.audit.initial-delay=1h", "stockroom.messaging.consumers-per-queue=4"})
@WithTestInfrastructure
class StockManagementIT {

    @Autowired
    MessagePublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StockLedger ledger;
    @Autowired
    Catalog catalog;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    MessageJson json;
    @Autowired
    MessageSigner signer;
    @Autowired
    RabbitTemplate rabbit;

    private EventCollector events;
    private String sku;
    private String warehouse;
    private String darkStore;

    @BeforeEach
    void catalogueAndLocations() {
        events = new EventCollector(connectionFactory, json);
        sku = "WATCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        warehouse = "WH-" + ThreadLocalRandom.current().nextInt(100_000);
        darkStore = "DS-" + ThreadLocalRandom.current().nextInt(100_000);
        itemExists(publisher, catalog, sku, 5);
        for (String code : List.of(warehouse, darkStore)) {
            assertThat(run(new CreateLocation(commandId(), code, "Place " + code,
                    LocationType.WAREHOUSE, 1)).status()).isEqualTo(CommandOutcome.Status.APPLIED);
        }
    }

    @AfterEach
    void stopCollecting() {
        events.close();
    }

    private CommandOutcome run(Command command) {
        StockFixtures.send(publisher, command);
        return events.awaitOutcome(command.commandId());
    }

    private StockLevels levels(String location) {
        return ledger.level(new StockKey(sku, location)).orElseThrow().levels();
    }

    @Test
    void the_item_copy_is_never_moved_back_by_an_older_or_repeated_item_event() {
        String other = sku + "-B";
        Instant now = Instant.now();
        List<ItemEvent> outOfOrder = List.of(new ItemDeleted(other, 3, now),
                new ItemCreated(other, details(4), 1, now), new ItemUpdated(other, details(6), 2, now));

        catalog.recordAll(outOfOrder);
        catalog.recordAll(outOfOrder);
        assertThat(catalog.lowStockThresholdOf(other)).isEmpty();

        catalog.recordAll(List.of(new ItemCreated(other, details(7), 4, now), new ItemUpdated(other, details(9), 3,
                now)));
        assertThat(catalog.lowStockThresholdOf(other)).hasValue(7);
    }

    private static ItemDetails details(int lowStockThreshold) {
        return new ItemDetails("Watch", "Stockroom", "Watches", new Money(new BigDecimal("99.00"), "INR"), Map.of(),
                lowStockThreshold);
    }

    @Test
    void receiving_stock_publishes_the_new_levels_and_an_applied_outcome() {
        String id = commandId();

        CommandOutcome outcome = run(new ReceiveStock(id, sku, warehouse, 20, "PO-1"));

        assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(outcome.detail()).contains("on hand 20");
        StockChanged changed = events.await(StockChanged.class, e -> e.operationId().equals(id));
        assertThat(changed.levels()).isEqualTo(StockLevels.of(20, 0));
        assertThat(changed.lowStockThreshold()).isEqualTo(5);
        assertThat(events.find(StockAlert.class, a -> a.sku().equals(sku) && a.kind() == StockAlert.Kind.BACK_IN_STOCK))
                .isPresent();
    }

    @Test
    void a_location_is_renamed_and_reprioritised_once_even_when_the_command_comes_twice() {
        UpdateLocation rename = new UpdateLocation(commandId(), darkStore, "City dark store", LocationType.STORE, 7);

        CommandOutcome first = run(rename);
        CommandOutcome unknown = run(new UpdateLocation(commandId(), "NO-SUCH-PLACE", "Nowhere", LocationType.STORE, 1));
        CommandOutcome again = run(new UpdateLocation(commandId(), darkStore, "City dark store", LocationType.STORE, 7));

        assertThat(first.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(again.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(unknown.reasonCode()).isEqualTo(RejectionCode.UNKNOWN_LOCATION);
        List<LocationChanged> updates = events.all(LocationChanged.class).stream()
                .filter(e -> e.code().equals(darkStore) && e.change() == LocationChanged.Change.UPDATED).toList();
        assertThat(updates).isNotEmpty().allSatisfy(e -> {
            assertThat(e.name()).isEqualTo("City dark store");
            assertThat(e.type()).isEqualTo(LocationType.STORE);
            assertThat(e.priority()).isEqualTo(7);
        });
        assertThat(updates.stream().map(LocationChanged::version).distinct()).hasSize(1);
    }

    @Test
    void stock_for_an_unknown_item_or_at_an_inactive_location_is_rejected_with_a_reason() {
        CommandOutcome unknownItem = run(new ReceiveStock(commandId(), "NO-SUCH-ITEM",
                warehouse, 1, null));
        run(new DeactivateLocation(commandId(), darkStore));
        CommandOutcome inactive = run(new ReceiveStock(commandId(), sku, darkStore, 1,
                null));

        assertThat(unknownItem.reasonCode()).isEqualTo(RejectionCode.UNKNOWN_SKU);
        assertThat(inactive.reasonCode()).isEqualTo(RejectionCode.LOCATION_INACTIVE);
        assertThat(events.find(LocationChanged.class, e -> e.code().equals(darkStore) && !e.active())).isPresent();
        assertThat(ledger.level(new StockKey(sku, darkStore))).isEmpty();
    }

    @Test
    void an_adjustment_may_not_take_reserved_units_and_a_stale_count_is_refused() {
        run(new ReceiveStock(commandId(), sku, warehouse, 10, null));
        ledger.apply(Movement.reserved("order-1:line:0:reserve", new StockKey(sku, warehouse), 8,
                new Provenance("order-processing", "c", null, Instant.now())));

        CommandOutcome tooMuch = run(new AdjustStock(commandId(), sku, warehouse, -3,
                AdjustmentReason.DAMAGED, "dropped"));
        CommandOutcome stale = run(new SetStockCount(commandId(), sku, warehouse, 9, 12,
                "ERP"));
        CommandOutcome fine = run(new AdjustStock(commandId(), sku, warehouse, -2,
                AdjustmentReason.DAMAGED, null));

        assertThat(tooMuch.reasonCode()).isEqualTo(RejectionCode.INSUFFICIENT_AVAILABLE);
        assertThat(tooMuch.detail()).contains("Only 2 available");
        assertThat(stale.reasonCode()).isEqualTo(RejectionCode.COUNT_MISMATCH);
        assertThat(fine.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(levels(warehouse)).isEqualTo(StockLevels.of(8, 8));
    }

    @Test
    void the_same_command_sent_twice_is_applied_once() {
        ReceiveStock receive = new ReceiveStock(commandId(), sku, warehouse, 7, null);

        run(receive);
        events.clear();
        CommandOutcome second = run(receive);

        assertThat(second.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(second.detail()).contains("already applied");
        assertThat(levels(warehouse)).isEqualTo(StockLevels.of(7, 0));
        assertThat(ledger.history(sku, 10)).hasSize(1);
    }

    @Test
    void a_redelivery_after_a_crash_between_stock_update_and_ledger_write_applies_once() {
        ReceiveStock receive = new ReceiveStock(commandId(), sku, warehouse, 4, null);
        // The first attempt updated the record and died before its ledger entry was written.
        ledger.apply(Movement.received(receive.commandId(), new StockKey(sku, warehouse), 4,
                new Provenance("admin", "c", null, Instant.now())));
        mongo.getCollection("stock_ledger").deleteOne(Filters.eq("_id", receive.commandId()));

        CommandOutcome outcome = run(receive);

        assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(levels(warehouse)).isEqualTo(StockLevels.of(4, 0));
        assertThat(ledger.history(sku, 10)).extracting(e -> e.operationId()).containsExactly(receive.commandId());
    }

    @Test
    void parallel_transfers_and_adjustments_conserve_units_and_keep_every_invariant() {
        run(new ReceiveStock(commandId(), sku, warehouse, 30, null));
        run(new ReceiveStock(commandId(), sku, darkStore, 30, null));
        List<String> ids = new ArrayList<>();
        int adjustmentsSent = 0;
        for (int i = 0; i < 60; i++) {
            String id = commandId();
            ids.add(id);
            Command command = switch (i % 3) {
                case 0 -> new TransferStock(id, sku, warehouse, darkStore, 4);
                case 1 -> new TransferStock(id, sku, darkStore, warehouse, 5);
                default -> new AdjustStock(id, sku, i % 2 == 0 ? warehouse : darkStore, -1, AdjustmentReason.SHRINKAGE,
                        null);
            };
            if (command instanceof AdjustStock) {
                adjustmentsSent++;
            }
            StockFixtures.send(publisher, command);
        }
        List<CommandOutcome> outcomes = ids.stream().map(events::awaitOutcome).toList();

        long adjustmentsApplied = outcomes.stream().filter(o -> o.commandType().equals("stock.adjust")
                && o.status() == CommandOutcome.Status.APPLIED).count();
        StockLevels atWarehouse = levels(warehouse);
        StockLevels atDarkStore = levels(darkStore);
        assertThat(atWarehouse.onHand() + atDarkStore.onHand()).isEqualTo(60 - adjustmentsApplied);
        assertThat(atWarehouse.available()).isGreaterThanOrEqualTo(0);
        assertThat(atDarkStore.available()).isGreaterThanOrEqualTo(0);
        assertThat(adjustmentsSent).isEqualTo(20);
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void an_audit_finds_drift_injected_behind_the_ledgers_back() {
        run(new ReceiveStock(commandId(), sku, warehouse, 10, null));
        mongo.getCollection("stock_levels").updateOne(Filters.eq("_id", sku + "@" + warehouse),
                Updates.combine(Updates.inc("onHand", 3), Updates.inc("available", 3)));
        String auditId = commandId();

        run(new AuditStock(auditId));

        StockAuditCompleted report = events.await(StockAuditCompleted.class, r -> r.commandId().equals(auditId));
        assertThat(report.drifts()).anySatisfy(drift -> {
            assertThat(drift.sku()).isEqualTo(sku);
            assertThat(drift.storedOnHand()).isEqualTo(13);
            assertThat(drift.ledgerOnHand()).isEqualTo(10);
        });
        // Repair the injected drift so other tests sharing this database audit clean.
        mongo.getCollection("stock_levels").updateOne(Filters.eq("_id", sku + "@" + warehouse),
                Updates.combine(Updates.inc("onHand", -3), Updates.inc("available", -3)));
    }

    @Test
    void a_command_with_a_negative_quantity_that_reaches_the_queue_is_dead_lettered_with_the_reason() {
        String body = "{\"commandId\":\"c-neg\",\"sku\":\"" + sku + "\",\"location\":\"" + warehouse
                + "\",\"quantity\":-5,\"reference\":null}";
        Message message = RawMessages.signedCommand(signer, MessageType.RECEIVE_STOCK, body, StockFixtures.ADMIN);

        rabbit.send(Topology.COMMANDS_EXCHANGE, MessageType.RECEIVE_STOCK.routingKey(), message);

        Message dead = rabbit.receive(Topology.deadLetterQueue(Topology.STOCK_COMMANDS_QUEUE), 10_000);
        while (dead != null && !message.getMessageProperties().getMessageId()
                .equals(dead.getMessageProperties().getMessageId())) {
            dead = rabbit.receive(Topology.deadLetterQueue(Topology.STOCK_COMMANDS_QUEUE), 10_000);
        }
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_REASON)).isEqualTo("MALFORMED_PAYLOAD");
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_DETAIL)).contains("quantity");
        assertThat(ledger.level(new StockKey(sku, warehouse))).isEmpty();
    }
}
