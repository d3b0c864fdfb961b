package io.stockroom.order.application;

import io.stockroom.order.domain.Order;

import java.util.Optional;

/** The stored orders, written only by this service. */
public interface Orders {

    Optional<Order> find(String orderId);

    /** Stores a new order, or returns the one already stored under its id (a redelivered or repeated command). */
    Order createOrGet(Order placed);

    /**
     * Writes {@code updated} only if the stored order still has the version it was derived from
     * ({@code updated.version() - 1}); false when someone else changed it first.
     */
    boolean replace(Order updated);
}
