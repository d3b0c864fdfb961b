package io.stockroom.contracts.stock;

import io.stockroom.contracts.Require;

/**
 * Command: move units between two locations. Never creates or loses units: the source is debited and the
 * destination credited under operation ids derived from {@code commandId}, so a crash between the two steps resumes.
 */
public record TransferStock(String commandId, String sku, String fromLocation, String toLocation,
                            int quantity) implements StockCommand {

    public TransferStock {
        Require.id("commandId", commandId);
        Require.sku(sku);
        Require.location("fromLocation", fromLocation);
        Require.location("toLocation", toLocation);
        if (fromLocation.equals(toLocation)) {
            throw new IllegalArgumentException("toLocation must differ from fromLocation");
        }
        Require.positiveQuantity("quantity", quantity);
    }

    @Override
    public String subject() {
        return sku + "@" + fromLocation + "->" + toLocation;
    }
}
