package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

/** Command (admin): the order shipped; its reserved units leave the building. */
public record FulfilOrder(String commandId, String orderId) implements OrderCommand {

    public FulfilOrder {
        Require.id("commandId", commandId);
        Require.id("orderId", orderId);
    }

    @Override
    public String subject() {
        return orderId;
    }
}
