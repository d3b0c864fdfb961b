package io.stockroom.order;

import com.mongodb.client.model.Filters;
import io.stockroom.contracts.Command;
import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderEvent;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.OrderStore;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderStatus;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.LedgerEntry;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.test.EventCollector;
import io.stockroom.support.test.WithTestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

import static io.stockroom.order.OrderFixtures.ADMIN;
import static io.stockroom.order.OrderFixtures.ALICE;
import static io.stockroom.order.OrderFixtures.BOB;
import static io.stockroom.order.OrderFixtures.commandId;
import static io.stockroom.order.OrderFixtures.locationCode;
import static io.stockroom.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "stockroom.messaging.retry-delay-initial=50ms", "stockroom.messaging.consumers-per-queue=4"})
@WithTestInfrastructure
class OrderProcessingIT {

    @Autowired
    MessagePublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StockLedger ledger;
    @Autowired
    OrderStore orders;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    MessageJson json;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    SourcingProjection sourcing;

    private EventCollector events;
    private Owners owners;
    private String watch;
    private String strap;
    private String warehouse;
    private String darkStore;

    @BeforeEach
    void catalogueLocationsAndStock() {
        events = new EventCollector(connectionFactory, json);
        owners = new Owners(publisher, ledger, List.of(sourcing));
        watch = OrderFixtures.sku();
        strap = OrderFixtures.sku();
        warehouse = locationCode("WH");
        darkStore = locationCode("DS");
        owners.item(watch);
        owners.item(strap);
        owners.location(warehouse, 1, true);
        owners.location(darkStore, 2, true);
        owners.receive(watch, warehouse, 10);
        owners.receive(strap, warehouse, 10);
    }

    @AfterEach
    void stopCollecting() {
        events.close();
    }

    private OrderEvent placeAndAwait(PlaceOrder command, Actor actor) {
        OrderFixtures.send(publisher, command, actor);
        return awaitPlacement(command.orderId());
    }

    private OrderEvent awaitPlacement(String orderId) {
        return events.await(OrderEvent.class, event -> event instanceof OrderConfirmed confirmed
                && confirmed.orderId().equals(orderId) || event instanceof OrderRejected rejected
                && rejected.orderId().equals(orderId));
    }

    private CommandOutcome run(Command command, String commandId, Actor actor) {
        OrderFixtures.send(publisher, command, actor);
        return events.awaitOutcome(commandId);
    }

    private StockLevels levels(String sku, String location) {
        return ledger.level(new StockKey(sku, location)).orElseThrow().levels();
    }

    private List<String> operations(String sku, String orderId) {
        return ledger.history(sku, 100).stream().map(LedgerEntry::operationId).filter(id -> id.startsWith(orderId))
                .toList();
    }

    private Order stored(String orderId) {
        return orders.find(orderId).orElseThrow();
    }

    @Test
    void an_order_that_stock_covers_is_confirmed_and_holds_its_units_where_sourcing_put_them() {
        owners.receive(watch, darkStore, 30);
        PlaceOrder command = order("alice", new OrderLine(watch, 3, null), new OrderLine(strap, 2, warehouse));

        OrderEvent result = placeAndAwait(command, ALICE);

        assertThat(result).isInstanceOf(OrderConfirmed.class);
        assertThat(((OrderConfirmed) result).lines()).extracting(line -> line.location())
                .containsExactly(darkStore, warehouse);
        assertThat(levels(watch, darkStore)).isEqualTo(StockLevels.of(30, 3));
        assertThat(levels(strap, warehouse)).isEqualTo(StockLevels.of(10, 2));
        Order stored = stored(command.orderId());
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stored.history()).extracting(change -> change.status())
                .containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED);
        assertThat(events.find(StockChanged.class, e -> e.operationId().equals(command.orderId() + ":line:0:reserve")))
                .isPresent();
        assertThat(mongo.getCollection("orders").find(Filters.eq("_id", command.orderId())).first()
                .getList("allocations", Document.class)).hasSize(2);
    }

    @Test
    void the_priority_strategy_takes_the_preferred_location_that_can_serve_the_whole_line() {
        owners.receive(watch, darkStore, 30);
        PlaceOrder command = new PlaceOrder(OrderFixtures.orderId(), "alice", List.of(new OrderLine(watch, 12, null)),
                SourcingStrategy.PRIORITY, Instant.now());

        OrderConfirmed confirmed = (OrderConfirmed) placeAndAwait(command, ALICE);

        // The warehouse (priority 1) has only 10, so the dark store (priority 2) serves the line.
        assertThat(confirmed.lines().getFirst().location()).isEqualTo(darkStore);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
    }

    @Test
    void a_rejected_order_gives_a_reason_for_every_line_and_keeps_nothing_reserved() {
        String inactive = locationCode("OLD");
        owners.location(inactive, 3, false);
        String emptyShelf = OrderFixtures.sku();
        owners.item(emptyShelf);
        owners.receive(emptyShelf, warehouse, 1);
        owners.reservedByOthers(emptyShelf, warehouse, 1);
        PlaceOrder command = order("alice", new OrderLine(watch, 2, warehouse), new OrderLine(emptyShelf, 1, null),
                new OrderLine("NO-SUCH-WATCH", 1, null), new OrderLine(strap, 1, inactive),
                new OrderLine(strap, 1, "NOWHERE-1"), new OrderLine(watch, 11, darkStore));

        OrderRejected rejected = (OrderRejected) placeAndAwait(command, ALICE);

        assertThat(rejected.lines()).extracting(LineRejection::reason).containsExactly(
                RejectionReason.RELEASED_OTHER_LINE_FAILED, RejectionReason.OUT_OF_STOCK,
                RejectionReason.UNKNOWN_SKU, RejectionReason.LOCATION_INACTIVE, RejectionReason.UNKNOWN_LOCATION,
                RejectionReason.OUT_OF_STOCK);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        assertThat(levels(emptyShelf, warehouse)).isEqualTo(StockLevels.of(1, 1));
        // Lines that cannot be served are known before anything is reserved, so no stock was touched at all.
        assertThat(operations(watch, command.orderId())).isEmpty();
        assertThat(stored(command.orderId()).history()).extracting(change -> change.status())
                .containsExactly(OrderStatus.PLACED, OrderStatus.REJECTING, OrderStatus.REJECTED);
    }

    @Test
    void a_line_the_store_refuses_although_sourcing_saw_units_releases_the_lines_already_held() {
        String lastOne = OrderFixtures.sku();
        owners.item(lastOne);
        owners.receive(lastOne, warehouse, 1);
        // Taken behind sourcing's back (no event yet): memory still shows one unit, the guarded update knows better.
        ledger.apply(Movement.reserved("someone-else:line:0:reserve", new StockKey(lastOne, warehouse), 1,
                new Provenance("carol", "c", null, Instant.now())));
        PlaceOrder command = order("alice", new OrderLine(watch, 2, warehouse), new OrderLine(lastOne, 1, null));

        OrderRejected rejected = (OrderRejected) placeAndAwait(command, ALICE);

        assertThat(rejected.lines()).extracting(LineRejection::reason).containsExactly(
                RejectionReason.RELEASED_OTHER_LINE_FAILED, RejectionReason.OUT_OF_STOCK);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        assertThat(levels(lastOne, warehouse)).isEqualTo(StockLevels.of(1, 1));
        assertThat(operations(watch, command.orderId())).containsExactlyInAnyOrder(
                command.orderId() + ":line:0:reserve", command.orderId() + ":line:0:release");
        assertThat(stored(command.orderId()).history()).extracting(change -> change.status())
                .containsExactly(OrderStatus.PLACED, OrderStatus.REJECTING, OrderStatus.REJECTED);
    }

    @Test
    void the_same_place_order_delivered_twice_reserves_once_and_reports_the_same_outcome() {
        PlaceOrder command = order("alice", new OrderLine(watch, 4, null), new OrderLine(strap, 1, null));

        OrderFixtures.sendAll(publisher, List.of(command, command), ALICE);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                events.all(OrderConfirmed.class).stream().filter(e -> e.orderId().equals(command.orderId())).count()
                        == 2);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 4));
        assertThat(levels(strap, warehouse)).isEqualTo(StockLevels.of(10, 1));
        assertThat(operations(watch, command.orderId())).containsExactly(command.orderId() + ":line:0:reserve");
        assertThat(events.all(OrderRejected.class)).noneMatch(e -> e.orderId().equals(command.orderId()));
    }

    @Test
    void a_saga_that_died_after_reserving_its_first_line_resumes_and_reserves_each_line_once() {
        PlaceOrder command = order("alice", new OrderLine(watch, 2, null), new OrderLine(strap, 3, warehouse));
        // The first attempt created the order, chose line 0's location, reserved it, and died.
        Order placed = orders.createOrGet(Order.placed(command, Instant.now()));
        assertThat(orders.replace(placed.withLocation(0, warehouse))).isTrue();
        ledger.apply(Movement.reserved(placed.reserveOperation(0), new StockKey(watch, warehouse), 2,
                new Provenance("alice", "c", null, Instant.now())));

        OrderEvent result = placeAndAwait(command, ALICE);

        assertThat(result).isInstanceOf(OrderConfirmed.class);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 2));
        assertThat(levels(strap, warehouse)).isEqualTo(StockLevels.of(10, 3));
        assertThat(operations(watch, command.orderId())).containsExactly(command.orderId() + ":line:0:reserve");
        assertThat(stored(command.orderId()).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void a_saga_that_died_mid_way_and_then_finds_a_line_short_releases_the_line_it_had_taken() {
        PlaceOrder command = order("alice", new OrderLine(watch, 2, warehouse), new OrderLine(strap, 11, warehouse));
        Order placed = orders.createOrGet(Order.placed(command, Instant.now()));
        ledger.apply(Movement.reserved(placed.reserveOperation(0), new StockKey(watch, warehouse), 2,
                new Provenance("alice", "c", null, Instant.now())));

        OrderRejected rejected = (OrderRejected) placeAndAwait(command, ALICE);

        assertThat(rejected.lines()).extracting(LineRejection::reason).containsExactly(
                RejectionReason.RELEASED_OTHER_LINE_FAILED, RejectionReason.OUT_OF_STOCK);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        assertThat(levels(strap, warehouse)).isEqualTo(StockLevels.of(10, 0));
    }

    @Test
    void a_saga_that_died_while_rejecting_finishes_the_release_on_redelivery() {
        PlaceOrder command = order("alice", new OrderLine(watch, 5, warehouse), new OrderLine(strap, 1, darkStore));
        Order placed = orders.createOrGet(Order.placed(command, Instant.now()));
        ledger.apply(Movement.reserved(placed.reserveOperation(0), new StockKey(watch, warehouse), 5,
                new Provenance("alice", "c", null, Instant.now())));
        List<LineRejection> reasons = List.of(
                new LineRejection(0, watch, warehouse, RejectionReason.RELEASED_OTHER_LINE_FAILED, null),
                new LineRejection(1, strap, darkStore, RejectionReason.OUT_OF_STOCK, "none at the dark store"));
        assertThat(orders.replace(placed.rejecting(reasons, Instant.now(), "alice"))).isTrue();

        OrderRejected rejected = (OrderRejected) placeAndAwait(command, ALICE);

        assertThat(rejected.lines()).isEqualTo(reasons);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        assertThat(operations(watch, command.orderId())).containsExactlyInAnyOrder(
                command.orderId() + ":line:0:reserve", command.orderId() + ":line:0:release");
        assertThat(stored(command.orderId()).status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void the_owner_cancels_a_confirmed_order_once_and_gets_the_units_back_while_others_learn_nothing() {
        PlaceOrder command = order("alice", new OrderLine(watch, 3, warehouse));
        placeAndAwait(command, ALICE);
        String bobs = commandId();
        String alices = commandId();
        String again = commandId();

        CommandOutcome byBob = run(new CancelOrder(bobs, command.orderId(), null), bobs, BOB);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 3));
        CommandOutcome byAlice = run(new CancelOrder(alices, command.orderId(), "too dear"),
                alices, ALICE);
        CommandOutcome second = run(new CancelOrder(again, command.orderId(), null), again,
                ALICE);

        assertThat(byBob.status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(byBob.reasonCode()).isEqualTo(RejectionCode.ORDER_NOT_FOUND);
        assertThat(byAlice.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(second.reasonCode()).isEqualTo(RejectionCode.INVALID_TRANSITION);
        assertThat(second.detail()).contains("CANCELLED");
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        OrderCancelled cancelled = events.await(OrderCancelled.class, e -> e.orderId().equals(command.orderId()));
        assertThat(cancelled.cancelledBy()).isEqualTo("alice");
        assertThat(cancelled.reason()).isEqualTo("too dear");
        assertThat(operations(watch, command.orderId())).containsExactlyInAnyOrder(
                command.orderId() + ":line:0:reserve", command.orderId() + ":line:0:release");
    }

    @Test
    void a_cancel_delivered_again_converges_to_the_same_applied_outcome() {
        PlaceOrder command = order("alice", new OrderLine(watch, 1, warehouse));
        placeAndAwait(command, ALICE);
        CancelOrder cancel = new CancelOrder(commandId(), command.orderId(), null);
        // The first delivery got as far as CANCELLING and died before releasing.
        assertThat(orders.replace(stored(command.orderId()).cancelling(cancel.commandId(), Instant.now(), "admin",
                null))).isTrue();

        OrderFixtures.sendAll(publisher, List.of(cancel, cancel), ADMIN);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                events.all(CommandOutcome.class).stream().filter(o -> o.commandId().equals(cancel.commandId()))
                        .count() == 2);
        assertThat(events.all(CommandOutcome.class)).filteredOn(o -> o.commandId().equals(cancel.commandId()))
                .allMatch(o -> o.status() == CommandOutcome.Status.APPLIED);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        assertThat(stored(command.orderId()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void an_admin_fulfils_a_confirmed_order_and_nothing_can_happen_to_it_afterwards() {
        PlaceOrder command = order("alice", new OrderLine(watch, 4, warehouse), new OrderLine(strap, 1, warehouse));
        placeAndAwait(command, ALICE);
        String fulfil = commandId();
        String cancel = commandId();

        CommandOutcome shipped = run(new FulfilOrder(fulfil, command.orderId()), fulfil,
                ADMIN);
        CommandOutcome late = run(new CancelOrder(cancel, command.orderId(), null), cancel,
                ALICE);

        assertThat(shipped.status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(events.await(OrderFulfilled.class, e -> e.orderId().equals(command.orderId())).fulfilledBy())
                .isEqualTo("admin");
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(6, 0));
        assertThat(levels(strap, warehouse)).isEqualTo(StockLevels.of(9, 0));
        assertThat(late.reasonCode()).isEqualTo(RejectionCode.INVALID_TRANSITION);
        assertThat(stored(command.orderId()).status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(ledger.audit(10).isClean()).isTrue();
    }

    @Test
    void fulfilling_a_rejected_or_unknown_order_is_refused_with_a_reason() {
        PlaceOrder command = order("alice", new OrderLine(watch, 11, warehouse));
        placeAndAwait(command, ALICE);
        String rejectedOne = commandId();
        String unknown = commandId();

        CommandOutcome onRejected = run(new FulfilOrder(rejectedOne, command.orderId()),
                rejectedOne, ADMIN);
        CommandOutcome onUnknown = run(new FulfilOrder(unknown, "order-that-never-was"),
                unknown, ADMIN);

        assertThat(onRejected.reasonCode()).isEqualTo(RejectionCode.INVALID_TRANSITION);
        assertThat(onRejected.detail()).contains("REJECTED");
        assertThat(onUnknown.reasonCode()).isEqualTo(RejectionCode.ORDER_NOT_FOUND);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
    }

    @Test
    void a_shopper_placing_an_order_in_someone_elses_name_is_dead_lettered_as_forbidden() {
        PlaceOrder forged = order("alice", new OrderLine(watch, 1, warehouse));

        OrderFixtures.send(publisher, forged, BOB);

        Message dead = rabbit.receive(Topology.deadLetterQueue(Topology.ORDER_COMMANDS_QUEUE), 10_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_REASON)).isEqualTo("FORBIDDEN");
        assertThat(orders.find(forged.orderId())).isEmpty();
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
    }

    @Test
    void a_cancel_that_overtakes_its_own_order_waits_for_the_placement_to_settle_and_then_cancels()
            throws InterruptedException {
        PlaceOrder command = order("alice", new OrderLine(watch, 2, warehouse));
        // The placement has begun (the order document exists) but has not reserved anything yet.
        orders.createOrGet(Order.placed(command, Instant.now()));
        String cancel = commandId();

        OrderFixtures.send(publisher, new CancelOrder(cancel, command.orderId(), null),
                ALICE);
        Thread.sleep(500);
        assertThat(events.find(CommandOutcome.class, o -> o.commandId().equals(cancel))).isEmpty();
        OrderFixtures.send(publisher, command, ALICE);

        assertThat(events.awaitOutcome(cancel).status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(levels(watch, warehouse)).isEqualTo(StockLevels.of(10, 0));
        assertThat(stored(command.orderId()).history()).extracting(change -> change.status()).containsExactly(
                OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.CANCELLING, OrderStatus.CANCELLED);
    }
}
