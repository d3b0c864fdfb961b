package io.stockroom.order.adapter.in.messaging;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.OrderCommand;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.order.application.BatchPlacement;
import io.stockroom.order.application.OrderContext;
import io.stockroom.order.application.OrderLifecycle;
import io.stockroom.order.application.OrderStillPlacing;
import io.stockroom.support.messaging.DeadLetterReason;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.MessageRejectedException;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.messaging.TransientFailure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Dispatches order commands to the application services and publishes what they return (stock events, order
 * events, outcomes) before the delivery is acknowledged. New orders of a batch are placed together
 * ({@link BatchPlacement}: a fixed number of store writes per batch) and everything they cause is published with
 * one confirm wait; cancels, fulfilments and anything the batch cannot take are left to {@link #handle}, one at a
 * time.
 */
final class OrderCommandHandler implements MessageHandler {

    private static final Set<MessageType> HANDLED = MessageType.carrying(OrderCommand.class);

    private final BatchPlacement placement;
    private final OrderLifecycle lifecycle;
    private final MessagePublisher publisher;
    private final Clock clock;

    OrderCommandHandler(BatchPlacement placement, OrderLifecycle lifecycle, MessagePublisher publisher, Clock clock) {
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return HANDLED;
    }

    /** Places every new order of the batch at once; leaves the rest (and any order seen twice) to {@link #handle}. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        List<Envelope<?>> placing = new ArrayList<>(batch.size());
        List<BatchPlacement.Request> requests = new ArrayList<>(batch.size());
        List<Envelope<?>> left = new ArrayList<>();
        Set<String> orderIds = new HashSet<>();
        for (Envelope<?> envelope : batch) {
            OrderContext context = contextOf(envelope);
            if (envelope.payload() instanceof PlaceOrder command && mayPlace(command, context)
                    && orderIds.add(command.orderId())) {
                placing.add(envelope);
                requests.add(new BatchPlacement.Request(command, context));
            } else {
                left.add(envelope);
            }
        }
        if (!requests.isEmpty()) {
            List<List<Event>> events = placement.placeAll(requests);
            List<MessagePublisher.Publication> publications = new ArrayList<>();
            for (int i = 0; i < placing.size(); i++) {
                PublishContext causing = placing.get(i).causing();
                events.get(i).forEach(event -> publications.add(new MessagePublisher.Publication(event, causing)));
            }
            publisher.publishBatch(publications);
        }
        return left;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        OrderContext context = contextOf(envelope);
        List<Event> events;
        try {
            events = switch (envelope.as(OrderCommand.class).payload()) {
                case PlaceOrder command -> placement.placeAll(List.of(new BatchPlacement.Request(
                        forItsCustomer(command, context), context))).getFirst();
                case CancelOrder command -> lifecycle.cancel(command, context);
                case FulfilOrder command -> lifecycle.fulfil(command, context);
            };
        } catch (OrderStillPlacing notYet) {
            // Retried with backoff, then requeued: the placement settles in milliseconds.
            throw new TransientFailure(notYet.getMessage());
        }
        publisher.publishEvents(events, envelope.causing());
    }

    private OrderContext contextOf(Envelope<?> envelope) {
        return new OrderContext(envelope.metadata().actor().name(), envelope.metadata().actor().isAdmin(),
                envelope.metadata().correlationId(), envelope.metadata().timestamp(), clock.instant());
    }

    /**
     * A shopper places orders for themselves only; an admin may place one on a customer's behalf. The producer
     * already sets the customer from the signed-in user; this keeps a consumer from trusting that alone.
     */
    private static boolean mayPlace(PlaceOrder command, OrderContext context) {
        return context.admin() || command.customer().equals(context.actor());
    }

    private static PlaceOrder forItsCustomer(PlaceOrder command, OrderContext context) {
        if (!mayPlace(command, context)) {
            throw new MessageRejectedException(DeadLetterReason.FORBIDDEN, "actor '" + context.actor()
                    + "' may not place an order for customer '" + command.customer() + "'");
        }
        return command;
    }
}
