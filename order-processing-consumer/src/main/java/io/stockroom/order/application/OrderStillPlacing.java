package io.stockroom.order.application;

/**
 * A cancel or fulfilment reached an order whose placement has not settled yet (commands travel in parallel, so a
 * shopper's quick cancel can overtake its own order). Not a refusal: the command should be tried again shortly.
 */
public final class OrderStillPlacing extends RuntimeException {

    public OrderStillPlacing(String orderId) {
        super("order " + orderId + " is still being placed; waiting for it to settle");
    }
}
