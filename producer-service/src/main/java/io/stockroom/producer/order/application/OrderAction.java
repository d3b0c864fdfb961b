package io.stockroom.producer.order.application;

import io.stockroom.producer.command.domain.CommandReceipt;

/** What became of a cancel or fulfil request. */
public sealed interface OrderAction {

    record Sent(CommandReceipt receipt) implements OrderAction {
    }

    /** No such order, or not one the requester may act on (answered alike, so ids cannot be probed). */
    record NotFound(String orderId) implements OrderAction {
    }
}
