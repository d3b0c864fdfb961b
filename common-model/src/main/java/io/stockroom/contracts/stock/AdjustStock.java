package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/**
 * Command: change on-hand units by {@code delta} (negative for losses). A decrease is refused if it would take
 * on-hand below what is reserved for orders.
 */
public record AdjustStock(String commandId, String sku, String location, int delta, AdjustmentReason reason,
                          String note) implements StockCommand {

    public AdjustStock {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.location("location", location);
        if (delta == 0) {
            throw new IllegalArgumentException("delta must not be zero");
        }
        Require.inRange("delta", delta, -Require.QUANTITY_MAX, Require.QUANTITY_MAX);
        Require.notNull("reason", reason);
        note = Require.optionalText("note", note, 500);
    }

    @Override
    public String subject() {
        return sku + "@" + location;
    }
}
