package io.stockroom.producer.order.application;

import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderEvent;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.RejectionView;

import java.util.List;

/** Keeps the stored order views current from order events; each event lands only if newer than the view. */
public final class OrderEvents {

    private final OrderStore store;

    public OrderEvents(OrderStore store) {
        this.store = store;
    }

    /** @return true if the event changed a view; false for a stale one */
    public boolean apply(OrderEvent event) {
        return applyAll(List.of(event)) > 0;
    }

    /** Applies a batch of events in one write. @return how many views changed */
    public int applyAll(List<OrderEvent> events) {
        return store.applyAll(events.stream().map(OrderEvents::change).toList());
    }

    private static OrderStore.Change change(OrderEvent event) {
        return switch (event) {
            case OrderConfirmed e -> new OrderStore.Change(e.orderId(), e.customer(), OrderStatus.CONFIRMED,
                    e.version(), e.occurredAt(), null, e.lines().stream().map(OrderEvents::line).toList(), null);
            case OrderRejected e -> new OrderStore.Change(e.orderId(), e.customer(), OrderStatus.REJECTED,
                    e.version(), e.occurredAt(), summary(e.lines()), null,
                    e.lines().stream().map(OrderEvents::rejection).toList());
            case OrderCancelled e -> new OrderStore.Change(e.orderId(), e.customer(), OrderStatus.CANCELLED,
                    e.version(), e.occurredAt(), "Cancelled by " + e.cancelledBy()
                    + (e.reason() == null ? "" : ": " + e.reason()), null, null);
            case OrderFulfilled e -> new OrderStore.Change(e.orderId(), e.customer(), OrderStatus.FULFILLED,
                    e.version(), e.occurredAt(), "Fulfilled by " + e.fulfilledBy(), null, null);
        };
    }

    private static OrderLineView line(AllocatedLine line) {
        return new OrderLineView(line.lineNo(), line.sku(), line.quantity(), line.location(), null);
    }

    private static RejectionView rejection(LineRejection line) {
        return new RejectionView(line.lineNo(), line.sku(), line.location(), line.reason().name(), line.detail());
    }

    private static String summary(List<LineRejection> lines) {
        return lines.stream().map(l -> l.sku() + ": " + l.reason()).reduce((a, b) -> a + ", " + b).orElse(null);
    }
}
