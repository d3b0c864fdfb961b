package io.stockroom.order.domain;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.SourcingStrategy;

import java.time.Instant;
import java.util.List;

/** Orders for unit tests. */
final class OrderMother {

    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    private OrderMother() {
    }

    /** Two lines: one the shopper placed at WH-1, one for sourcing to place. */
    static Order placed() {
        return Order.placed(new PlaceOrder("order-1", "alice", List.of(new OrderLine("WATCH-A", 2, "WH-1"),
                new OrderLine("WATCH-B", 1, null)), SourcingStrategy.MOST_AVAILABLE, T0), T0);
    }

    static Order confirmed() {
        return placed().withLocation(1, "DS-2").confirmed(T0.plusSeconds(1), "alice");
    }
}
