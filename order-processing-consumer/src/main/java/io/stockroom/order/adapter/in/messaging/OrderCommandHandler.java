package io.stockroom.order.adapter.in.messaging;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.order.application.OrderContext;
import io.stockroom.order.application.OrderLifecycle;
import io.stockroom.order.application.OrderPlacement;
import io.stockroom.order.application.OrderStillPlacing;
import io.stockroom.support.messaging.DeadLetterReason;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.MessageRejectedException;
import io.stockroom.support.messaging.TransientFailure;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Dispatches order commands to the application services and publishes what they return (stock events, order
 * events, outcomes) before the delivery is acknowledged. Batches use {@link MessageHandler#handleBatch}'s default,
 * one command after another: the seam for grouping reservations of one SKU per batch (through
 * {@code StockLedger.applyAll}) is there when a benchmark asks for it; correctness does not depend on it.
 */
final class OrderCommandHandler implements MessageHandler {

    private static final Set<MessageType> HANDLED = EnumSet.of(MessageType.PLACE_ORDER, MessageType.CANCEL_ORDER,
            MessageType.FULFIL_ORDER);

    private final OrderPlacement placement;
    private final OrderLifecycle lifecycle;
    private final MessagePublisher publisher;
    private final Clock clock;

    OrderCommandHandler(OrderPlacement placement, OrderLifecycle lifecycle, MessagePublisher publisher, Clock clock) {
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return HANDLED;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        OrderContext context = new OrderContext(envelope.metadata().actor().name(),
                envelope.metadata().actor().isAdmin(), envelope.metadata().correlationId(),
                envelope.metadata().timestamp(), clock.instant());
        List<Record> events;
        try {
            events = switch (envelope.payload()) {
                case PlaceOrder command -> placement.place(forItsCustomer(command, context), context);
                case CancelOrder command -> lifecycle.cancel(command, context);
                case FulfilOrder command -> lifecycle.fulfil(command, context);
                default -> throw new IllegalStateException("no handler for " + envelope.metadata().type());
            };
        } catch (OrderStillPlacing notYet) {
            // Retried with backoff, then requeued: the placement settles in milliseconds.
            throw new TransientFailure(notYet.getMessage());
        }
        publisher.publishEvents(events, envelope.causing());
    }

    /**
     * A shopper places orders for themselves only; an admin may place one on a customer's behalf. The producer
     * already sets the customer from the signed-in user; this keeps a consumer from trusting that alone.
     */
    private static PlaceOrder forItsCustomer(PlaceOrder command, OrderContext context) {
        if (!context.admin() && !command.customer().equals(context.actor())) {
            throw new MessageRejectedException(DeadLetterReason.FORBIDDEN, "actor '" + context.actor()
                    + "' may not place an order for customer '" + command.customer() + "'");
        }
        return command;
    }
}
