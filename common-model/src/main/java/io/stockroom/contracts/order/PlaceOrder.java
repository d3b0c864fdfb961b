package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Command: reserve every line or none. {@code orderId} is the idempotency key: the consumer creates the order
 * document under it, so the same command delivered twice reserves once.
 *
 * @param customer the user name of the shopper who owns the order
 */
public record PlaceOrder(String orderId, String customer, List<OrderLine> lines, SourcingStrategy sourcing,
                         Instant placedAt) implements OrderCommand {

    public static final int LINES_MAX = 50;

    public PlaceOrder {
        Require.id("orderId", orderId);
        Require.id("customer", customer);
        lines = List.copyOf(Require.size("lines", lines, 1, LINES_MAX));
        Set<String> seen = new HashSet<>();
        for (OrderLine line : lines) {
            if (!seen.add(line.sku() + "@" + line.location())) {
                throw new IllegalArgumentException("lines must not repeat the same SKU and location: " + line.sku());
            }
        }
        Require.notNull("sourcing", sourcing);
        Require.notNull("placedAt", placedAt);
    }

    /** The order id: placing an order is idempotent per order. */
    @Override
    public String commandId() {
        return orderId;
    }

    @Override
    public String subject() {
        return orderId;
    }
}
