package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shopper's cart, kept in the HTTP session: SKU → units, in the order they were added, bounded like the order it
 * becomes ({@link PlaceOrder#LINES_MAX} lines of at most {@link OrderLine#QUANTITY_MAX} units). It carries the idempotency
 * key of the order it will become, so submitting the same cart twice places one order; a new key is drawn once the
 * order is placed.
 */
final class Cart implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Integer> units = new LinkedHashMap<>();
    private String idempotencyKey = freshKey();

    /** @return false when the cart already holds {@link PlaceOrder#LINES_MAX} other SKUs */
    synchronized boolean add(String sku, int quantity) {
        if (!units.containsKey(sku) && units.size() >= PlaceOrder.LINES_MAX) {
            return false;
        }
        units.merge(sku, quantity, (held, more) -> Math.min(held + more, OrderLine.QUANTITY_MAX));
        return true;
    }

    /**
     * Sets an item's units (0 takes it out).
     *
     * @return false when the cart already holds {@link PlaceOrder#LINES_MAX} others
     */
    synchronized boolean set(String sku, int quantity) {
        if (quantity <= 0) {
            units.remove(sku);
            return true;
        }
        if (!units.containsKey(sku) && units.size() >= PlaceOrder.LINES_MAX) {
            return false;
        }
        units.put(sku, Math.min(quantity, OrderLine.QUANTITY_MAX));
        return true;
    }

    synchronized void remove(String sku) {
        units.remove(sku);
    }

    /** Replaces the contents (e.g. with a rejected order's items, to edit them), keeping the order's key. */
    synchronized void replace(java.util.Map<String, Integer> contents) {
        units.clear();
        contents.entrySet().stream().limit(PlaceOrder.LINES_MAX)
                .forEach(e -> units.put(e.getKey(), Math.clamp(e.getValue(), 1, OrderLine.QUANTITY_MAX)));
    }

    synchronized Map<String, Integer> lines() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    synchronized List<String> skus() {
        return new ArrayList<>(units.keySet());
    }

    synchronized int unitsOf(String sku) {
        return units.getOrDefault(sku, 0);
    }

    synchronized boolean isEmpty() {
        return units.isEmpty();
    }

    synchronized String idempotencyKey() {
        return idempotencyKey;
    }

    /** Empties the cart after its order was placed; the next order gets a new key. */
    synchronized void placed() {
        units.clear();
        idempotencyKey = freshKey();
    }

    private static String freshKey() {
        return "cart-" + UUID.randomUUID();
    }
}
