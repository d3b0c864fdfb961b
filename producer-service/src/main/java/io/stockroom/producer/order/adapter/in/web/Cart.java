package io.stockroom.producer.order.adapter.in.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shopper's cart, kept in the HTTP session: SKU → units, in the order they were added. It carries the idempotency
 * key of the order it will become, so submitting the same cart twice places one order; a new key is drawn once the
 * order is placed.
 */
final class Cart implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Same bound as an order's lines (PlaceOrder.LINES_MAX). */
    static final int LINES_MAX = 50;
    /** Same bound as an order line's units (OrderLine.QUANTITY_MAX). */
    static final int UNITS_PER_LINE_MAX = 1_000;

    private final LinkedHashMap<String, Integer> units = new LinkedHashMap<>();
    private String idempotencyKey = freshKey();

    /** @return false when the cart already holds {@link #LINES_MAX} other SKUs */
    synchronized boolean add(String sku, int quantity) {
        if (!units.containsKey(sku) && units.size() >= LINES_MAX) {
            return false;
        }
        units.merge(sku, quantity, (held, more) -> Math.min(held + more, UNITS_PER_LINE_MAX));
        return true;
    }

    /** Sets an item's units (0 takes it out); @return false when the cart already holds {@link #LINES_MAX} others */
    synchronized boolean set(String sku, int quantity) {
        if (quantity <= 0) {
            units.remove(sku);
            return true;
        }
        if (!units.containsKey(sku) && units.size() >= LINES_MAX) {
            return false;
        }
        units.put(sku, Math.min(quantity, UNITS_PER_LINE_MAX));
        return true;
    }

    synchronized void remove(String sku) {
        units.remove(sku);
    }

    /** Replaces the contents (e.g. with a rejected order's items, to edit them), keeping the order's key. */
    synchronized void replace(java.util.Map<String, Integer> contents) {
        units.clear();
        contents.entrySet().stream().limit(LINES_MAX)
                .forEach(e -> units.put(e.getKey(), Math.clamp(e.getValue(), 1, UNITS_PER_LINE_MAX)));
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
