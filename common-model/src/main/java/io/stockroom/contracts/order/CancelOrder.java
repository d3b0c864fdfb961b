package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

/** Command: cancel a confirmed order and release its units. The owner or an admin may ask, before fulfilment. */
public record CancelOrder(String commandId, String orderId, String reason) implements OrderCommand {

    public CancelOrder {
        Require.id("commandId", commandId);
        Require.id("orderId", orderId);
        reason = Require.optionalText("reason", reason, 500);
    }

    @Override
    public String subject() {
        return orderId;
    }
}
