package io.stockroom.order.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.domain.OrderStatus;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The placing and closing sagas against in-memory stores, fast enough to try every place a process can die: each
 * test kills the "process" between two writes, then delivers the same commands again, as the broker would, and
 * checks that nothing was lost or applied twice.
 */
class OrderSagasTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final StockKey WATCH_AT_WH = new StockKey("WATCH-1", "WH-1");
    private static final StockKey STRAP_AT_WH = new StockKey("STRAP-1", "WH-1");

    private final InMemoryOrders orders = new InMemoryOrders();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final SourcingProjection places = new SourcingProjection();
    private final CountingMetrics metrics = new CountingMetrics();
    private final OrderPlacement saga = new OrderPlacement(orders, ledger, places, metrics);
    private final BatchPlacement batch = new BatchPlacement(orders, ledger, places, saga, metrics);
    private final OrderLifecycle lifecycle = new OrderLifecycle(orders, ledger, places, Duration.ofSeconds(10));

    @BeforeEach
    void stockedShelf() {
        places.location(new StockPlaces.Place("WH-1", 1, true), 1);
        places.item("WATCH-1", true, 1);
        places.item("STRAP-1", true, 1);
        receive(WATCH_AT_WH, 5);
        receive(STRAP_AT_WH, 5);
    }

    @Test
    void a_batch_confirms_the_orders_that_fit_in_arrival_order_and_rejects_exactly_the_rest() {
        List<BatchPlacement.Request> requests = IntStream.range(0, 8).mapToObj(i -> request("o" + i,
                new OrderLine("WATCH-1", 1, null))).toList();

        List<List<Event>> events = batch.placeAll(requests);

        assertThat(outcomes(events)).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED",
                "CONFIRMED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(ledger.levels(WATCH_AT_WH)).isEqualTo(StockLevels.of(5, 5));
        assertThat(metrics.confirmed).isEqualTo(5);
        assertThat(metrics.rejected).isEqualTo(3);
    }

    @Test
    void a_batch_that_died_before_storing_anything_is_placed_whole_by_its_redelivery() {
        List<BatchPlacement.Request> requests = List.of(request("o1", new OrderLine("WATCH-1", 2, null)),
                request("o2", new OrderLine("WATCH-1", 2, "WH-1")));
        orders.dieAfterWrites(0);

        assertThatThrownBy(() -> batch.placeAll(requests)).isInstanceOf(WriteBudget.ProcessDied.class);
        orders.revive();
        List<List<Event>> events = batch.placeAll(requests);

        assertThat(outcomes(events)).containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(ledger.levels(WATCH_AT_WH)).isEqualTo(StockLevels.of(5, 4));
    }

    @Test
    void a_batch_that_died_after_reserving_is_finished_by_its_redelivery_without_reserving_twice() {
        List<BatchPlacement.Request> requests = List.of(request("o1", new OrderLine("WATCH-1", 2, null),
                new OrderLine("STRAP-1", 1, null)), request("o2", new OrderLine("WATCH-1", 2, null)));
        orders.dieAfterWrites(2); // both orders inserted, then the reservations

        assertThatThrownBy(() -> batch.placeAll(requests)).isInstanceOf(WriteBudget.ProcessDied.class);
        assertThat(ledger.levels(WATCH_AT_WH)).as("reserved, outcome not written").isEqualTo(StockLevels.of(5, 4));
        orders.revive();
        List<List<Event>> events = batch.placeAll(requests);

        assertThat(outcomes(events)).containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(ledger.levels(WATCH_AT_WH)).isEqualTo(StockLevels.of(5, 4));
        assertThat(ledger.levels(STRAP_AT_WH)).isEqualTo(StockLevels.of(5, 1));
        assertThat(orders.find("o1").orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void an_order_placed_before_is_reported_again_and_changes_no_stock() {
        BatchPlacement.Request first = request("o1", new OrderLine("WATCH-1", 3, null));
        batch.placeAll(List.of(first));
        List<String> operations = ledger.operations();

        List<List<Event>> again = batch.placeAll(List.of(first));

        assertThat(again.getFirst()).filteredOn(OrderConfirmed.class::isInstance).hasSize(1);
        assertThat(ledger.operations()).isEqualTo(operations);
        assertThat(ledger.levels(WATCH_AT_WH)).isEqualTo(StockLevels.of(5, 3));
    }

    @Test
    void a_line_the_store_refuses_although_memory_showed_units_makes_the_saga_release_what_was_held() {
        // Taken behind the projection's back: memory still shows 5 straps, the ledger has none left.
        ledger.apply(Movement.reserved("other:strap", STRAP_AT_WH, 5, by("carol")));

        List<List<Event>> events = batch.placeAll(List.of(request("o1", new OrderLine("WATCH-1", 2, null),
                new OrderLine("STRAP-1", 1, null))));

        OrderRejected rejected = (OrderRejected) events.getFirst().stream().filter(OrderRejected.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(rejected.lines()).extracting(LineRejection::reason)
                .containsExactly(RejectionReason.RELEASED_OTHER_LINE_FAILED, RejectionReason.OUT_OF_STOCK);
        assertThat(ledger.levels(WATCH_AT_WH)).isEqualTo(StockLevels.of(5, 0));
        assertThat(ledger.operations()).contains("o1:line:0:reserve", "o1:line:0:release");
        assertThat(orders.find("o1").orElseThrow().history()).extracting(change -> change.status())
                .containsExactly(OrderStatus.PLACED, OrderStatus.REJECTING, OrderStatus.REJECTED);
    }

    @Test
    void an_order_no_location_can_serve_is_rejected_before_any_stock_is_touched() {
        List<String> before = ledger.operations();

        List<List<Event>> events = batch.placeAll(List.of(request("o1", new OrderLine("WATCH-1", 1, null),
                new OrderLine("NO-SUCH-WATCH", 1, null))));

        assertThat(outcomes(events)).containsExactly("REJECTED");
        assertThat(ledger.operations()).isEqualTo(before);
    }

    @Test
    void a_cancel_that_died_while_cancelling_is_finished_by_its_redelivery() {
        batch.placeAll(List.of(request("o1", new OrderLine("WATCH-1", 2, null))));
        CancelOrder cancel = new CancelOrder("cmd-1", "o1", "changed my mind");
        orders.dieAfterWrites(1);

        assertThatThrownBy(() -> lifecycle.cancel(cancel, context())).isInstanceOf(WriteBudget.ProcessDied.class);
        assertThat(orders.find("o1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLING);
        orders.revive();
        List<Event> events = lifecycle.cancel(cancel, context());

        assertThat(events).filteredOn(CommandOutcome.class::isInstance).singleElement()
                .extracting(outcome -> ((CommandOutcome) outcome).status()).isEqualTo(CommandOutcome.Status.APPLIED);
        assertThat(orders.find("o1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ledger.levels(WATCH_AT_WH)).isEqualTo(StockLevels.of(5, 0));
    }

    private BatchPlacement.Request request(String orderId, OrderLine... lines) {
        return new BatchPlacement.Request(new PlaceOrder(orderId, "alice", List.of(lines),
                SourcingStrategy.MOST_AVAILABLE, NOW), context());
    }

    private static OrderContext context() {
        return new OrderContext("alice", false, "corr-1", NOW, NOW);
    }

    private void receive(StockKey key, int quantity) {
        ledger.receive(key, quantity);
        places.observed(ledger.level(key).orElseThrow());
    }

    private static Provenance by(String actor) {
        return new Provenance(actor, "corr", null, NOW);
    }

    private static List<String> outcomes(List<List<Event>> events) {
        return events.stream().map(perOrder -> perOrder.stream()
                .filter(event -> event instanceof OrderConfirmed || event instanceof OrderRejected)
                .map(event -> event instanceof OrderConfirmed ? "CONFIRMED" : "REJECTED").findFirst().orElse("NONE"))
                .toList();
    }

    /** Counts what the sagas report. */
    static final class CountingMetrics implements OrderMetrics {
        int confirmed;
        int rejected;

        @Override
        public void confirmed() {
            confirmed++;
        }

        @Override
        public void rejected(RejectionReason reason) {
            rejected++;
        }

        @Override
        public void reservationTook(Duration duration) {
        }

        @Override
        public void batchStepTook(BatchStep step, int orders, Duration duration) {
        }
    }
}
