package io.stockroom.order.application;

import io.stockroom.order.domain.Order;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The stored orders, written only by this service. */
public interface OrderStore {

    Optional<Order> find(String orderId);

    /** The stored orders among {@code orderIds}, by id; ids without an order are absent. */
    Map<String, Order> findAll(Collection<String> orderIds);

    /** Stores a new order, or returns the one already stored under its id (a redelivered or repeated command). */
    Order createOrGet(Order placed);

    /**
     * Stores new orders in one write.
     *
     * @return the ids stored by this call; an order whose id was taken already is left as it was
     */
    Set<String> insertNew(List<Order> placed);

    /**
     * Writes {@code updated} only if the stored order still has the version it was derived from
     * ({@code updated.version() - 1}); false when someone else changed it first.
     */
    boolean replace(Order updated);

    /**
     * Writes each order as {@link #replace} does, all in one write.
     *
     * @return the ids written by this call
     */
    Set<String> replaceAll(List<Order> updated);
}
