package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

/** Why one line of a rejected order was not served. {@code location} is null when none could be chosen. */
public record LineRejection(int lineNo, String sku, String location, RejectionReason reason, String detail) {

    public LineRejection {
        Require.inRange("lineNo", lineNo, 0, PlaceOrder.LINES_MAX - 1);
        Require.sku(sku);
        if (location != null) {
            Require.location("location", location);
        }
        Require.notNull("reason", reason);
        detail = Require.optionalText("detail", detail, 500);
    }
}
